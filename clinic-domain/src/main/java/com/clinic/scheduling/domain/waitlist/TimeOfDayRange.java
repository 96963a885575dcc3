package com.clinic.scheduling.domain.waitlist;

import com.clinic.platform.domain.Rejection;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A preferred stretch of the day in the branch's wall-clock time, {@code [from, to)}, for the start
 * of the appointment. {@code to} of 00:00 means "until the end of the day".
 */
public record TimeOfDayRange(LocalTime from, LocalTime to) {

    public TimeOfDayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
            throw new Rejection.RuleViolated("waitlist.time-of-day-invalid", from, to);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
    }
}
