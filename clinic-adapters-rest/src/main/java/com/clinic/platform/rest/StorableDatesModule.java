package com.clinic.platform.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, as an invalid field (400), a date or time outside the years 0001-9999 in any JSON request
 * body. {@code java.time} reads years up to nine digits and PostgreSQL stores a narrower range, so
 * such a value was accepted into an event that no projection could then store: the hostile-input
 * drill declared a holiday in the year 5877642 BC, answered 201, and the calendar projection failed
 * on it (bench/findings.md #8). No clinic books outside four-digit years.
 *
 * <p>Wraps whatever deserializer Jackson chose for each type, so formats and contextual settings are
 * unchanged. Registered on the application's {@code JsonMapper}, like {@link StorableTextModule}.
 */
@Component
public class StorableDatesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Set<Class<?>> GUARDED =
            Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class, Instant.class);

    public StorableDatesModule() {
        super("clinic-storable-dates");
        setDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return GUARDED.contains(description.getBeanClass()) ? new FourDigitYears(deserializer) : deserializer;
            }
        });
    }

    /** Whether the value lies within the years 0001-9999 (instants and offsets: in UTC). */
    static boolean storable(Object value) {
        return switch (value) {
            case LocalDate date -> date.getYear() >= 1 && date.getYear() <= 9999;
            case LocalDateTime time -> time.getYear() >= 1 && time.getYear() <= 9999;
            case OffsetDateTime time -> storable(time.toInstant());
            case ZonedDateTime time -> storable(time.toInstant());
            case Instant instant -> !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
            default -> true;
        };
    }

    private static final class FourDigitYears extends DelegatingDeserializer {

        FourDigitYears(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new FourDigitYears(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value != null && !storable(value)) {
                throw context.weirdStringException(
                        String.valueOf(value), _delegatee.handledType(), "outside the years 0001-9999");
            }
            return value;
        }
    }
}
