package com.clinic.notifications.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A recipient's nightly window, on their own wall clock, in which non-urgent messages wait. The
 * window may cross midnight ({@code 22:00}–{@code 07:00}); equal ends mean no quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(zone, "zone");
    }

    /** {@code at} itself when it is outside the window, else the instant the window ends. */
    public Instant nextAllowed(Instant at) {
        if (from.equals(until)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = from.isAfter(until);
        boolean quiet = crossesMidnight
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return at;
        }
        LocalDateTime end = local.toLocalDate().atTime(until);
        if (crossesMidnight && !time.isBefore(from)) {
            end = end.plusDays(1);
        }
        // A window ending inside a daylight-saving gap ends at the first instant after the gap.
        return ZonedDateTime.ofLocal(end, zone, null).toInstant();
    }
}
