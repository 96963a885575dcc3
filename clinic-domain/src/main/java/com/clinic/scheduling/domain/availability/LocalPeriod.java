package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import java.time.LocalDateTime;
import java.util.Objects;

/** A stretch of local wall-clock time in the branch's zone, e.g. a doctor's time off. */
public record LocalPeriod(LocalDateTime start, LocalDateTime end) {

    public LocalPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new Rejection.RuleViolated("schedule.period-empty", start, end);
        }
    }
}
