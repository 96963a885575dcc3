package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import java.time.Duration;
import java.util.Objects;

/**
 * What an appointment type asks of a slot: its length, the buffers kept free around it, how early
 * it must be booked (minimum notice), how far ahead it may be (horizon), and how many patients may
 * share one slot (capacity; 1 means no overbooking).
 */
public record BookingRules(
        Duration duration,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minimumNotice,
        Duration horizon,
        int capacity) {

    public BookingRules {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(bufferBefore, "bufferBefore");
        Objects.requireNonNull(bufferAfter, "bufferAfter");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(horizon, "horizon");
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(12)) > 0) {
            throw new Rejection.RuleViolated("appointment-type.duration-invalid");
        }
        if (bufferBefore.isNegative() || bufferAfter.isNegative() || minimumNotice.isNegative()) {
            throw new Rejection.RuleViolated("appointment-type.negative-duration");
        }
        if (horizon.compareTo(minimumNotice) <= 0) {
            throw new Rejection.RuleViolated("appointment-type.horizon-before-notice");
        }
        if (capacity < 1 || capacity > 50) {
            throw new Rejection.RuleViolated("appointment-type.capacity-invalid", 1, 50);
        }
    }

    /** The real time an appointment starting at the given range blocks, buffers included. */
    public TimeRange blocked(TimeRange appointment) {
        return appointment.widen(bufferBefore, bufferAfter);
    }
}
