package com.clinic.notifications.external;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How long a provider asked to wait, from the headers it answered with. */
final class RetryAfter {

    private RetryAfter() {}

    /** {@code Retry-After} (RFC 9110): delay seconds or an HTTP date. */
    static Optional<Duration> fromRetryAfter(Optional<String> header, Clock clock) {
        return header.map(String::strip).flatMap(value -> {
            try {
                long seconds = Long.parseLong(value);
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    /** SendGrid's {@code X-RateLimit-Reset}: the epoch second at which the limit resets. */
    static Optional<Duration> untilEpochSecond(Optional<String> header, Clock clock) {
        return header.map(String::strip).flatMap(value -> {
            try {
                Instant reset = Instant.ofEpochSecond(Long.parseLong(value));
                return Optional.of(nonNegative(Duration.between(clock.instant(), reset)));
            } catch (NumberFormatException | DateTimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** A header by name in any case; multi-valued headers (a list) give their first value. */
    static Optional<String> header(Map<String, ?> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getKey() != null
                    && entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                Object value = entry.getValue();
                if (value instanceof Collection<?> values) {
                    return values.stream().findFirst().map(String::valueOf);
                }
                return Optional.ofNullable(value).map(String::valueOf);
            }
        }
        return Optional.empty();
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
