package com.clinic.scheduling.domain.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A freed slot held for one waiting patient until {@code expiresAt}: the held appointment, where and
 * when it is, and the entries the same slot was already offered to (in order), so that passing it
 * on never offers it to the same patient twice.
 */
public record WaitlistOffer(
        UUID appointmentId,
        UUID doctorId,
        UUID branchId,
        UUID appointmentTypeId,
        Instant start,
        Instant end,
        Instant expiresAt,
        List<UUID> earlierRecipients) {

    public WaitlistOffer {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(appointmentTypeId, "appointmentTypeId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(expiresAt, "expiresAt");
        earlierRecipients = List.copyOf(earlierRecipients);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("empty slot " + start + " .. " + end);
        }
    }
}
