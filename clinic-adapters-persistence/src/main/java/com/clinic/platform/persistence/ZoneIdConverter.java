package com.clinic.platform.persistence;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.jooq.exception.DataTypeException;
import org.jooq.impl.AbstractConverter;

/**
 * Reads a time-zone column as {@link ZoneId} and writes it back as its id. Applied by the code
 * generator to every time-zone column ({@code time_zone}, {@code quiet_zone}: the forced types in this module's pom), so no
 * adapter parses a zone itself. Zones are checked as IANA region ids before they reach an event,
 * so one that no longer parses is corrupt data and fails the read, naming the value.
 */
public final class ZoneIdConverter extends AbstractConverter<String, ZoneId> {

    private static final long serialVersionUID = 1L;

    public ZoneIdConverter() {
        super(String.class, ZoneId.class);
    }

    @Override
    public ZoneId from(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return ZoneId.of(stored);
        } catch (DateTimeException invalid) {
            throw new DataTypeException("Stored time zone '" + stored + "' is not a known zone", invalid);
        }
    }

    @Override
    public String to(ZoneId zone) {
        return zone == null ? null : zone.getId();
    }
}
