package com.clinic.scheduling.domain.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval of real time, {@code [start, end)}; the unit in which overlaps are decided. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("empty range " + start + " .. " + end);
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public TimeRange widen(Duration before, Duration after) {
        return new TimeRange(start.minus(before), end.plus(after));
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
