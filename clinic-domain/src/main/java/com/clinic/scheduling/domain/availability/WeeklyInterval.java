package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A recurring working interval on one weekday, in the branch's local time; several may share a day. */
public record WeeklyInterval(DayOfWeek day, LocalTime start, LocalTime end) {

    public WeeklyInterval {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new Rejection.RuleViolated("schedule.interval-empty", day, start, end);
        }
    }

    boolean overlaps(WeeklyInterval other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
