package com.clinic.platform.persistence;

import com.clinic.platform.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position of a list ordered by time, newest or oldest first, opaque to clients: an instant (to the microsecond PostgreSQL keeps) and the id
 * that breaks ties. A cursor that does not decode is the client's mistake (422), never a 500.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String raw = micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("cursor has " + parts.length + " parts");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new Cursor(at, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException malformed) {
            throw new Rejection.RuleViolated("page.cursor-invalid");
        }
    }
}
