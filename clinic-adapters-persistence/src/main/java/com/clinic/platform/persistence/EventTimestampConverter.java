package com.clinic.platform.persistence;

import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.jooq.impl.AbstractConverter;

/**
 * Reads the ISO-8601 text Axon stores as an event's time (its {@code timestamp} columns) as an
 * {@link Instant}, with Axon's own parser and formatter, so a value means the same to Axon and to
 * the adapters that read its tables. Applied by the code generator (the forced types in this
 * module's pom).
 */
public final class EventTimestampConverter extends AbstractConverter<String, Instant> {

    private static final long serialVersionUID = 1L;

    public EventTimestampConverter() {
        super(String.class, Instant.class);
    }

    @Override
    public Instant from(String stored) {
        return stored == null ? null : DateTimeUtils.parseInstant(stored);
    }

    @Override
    public String to(Instant instant) {
        return instant == null ? null : DateTimeUtils.formatInstant(instant);
    }
}
