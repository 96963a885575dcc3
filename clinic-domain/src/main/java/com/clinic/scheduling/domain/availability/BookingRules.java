package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an appointment type asks of a slot: its length, the buffers kept free around it, how early
 * it must be booked (minimum notice), how far ahead it may be (horizon), how many patients may
 * share one slot (capacity; 1 means no overbooking), and how far apart the slots it offers start
 * (the slot interval).
 *
 * <p>The slot interval defaults to the duration plus both buffers, so that back-to-back bookings
 * tile the working hours: with a 20-minute type and 5 minutes after it, slots start 09:00, 09:25,
 * 09:50. Stepping by the duration alone offered 09:20, which the buffer of a 09:00 booking blocks,
 * and every later start drifted off the only times a full day could be booked at. A clinic may set
 * another interval (a shorter one offers more choice, at the price of gaps between bookings).
 *
 * <p>Events recorded before the interval existed carry none: their rules are read with the
 * default, which is why a {@code null} interval is accepted here and nowhere else.
 */
public record BookingRules(
        Duration duration,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minimumNotice,
        Duration horizon,
        int capacity,
        Duration slotInterval) {

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
        if (slotInterval == null) {
            slotInterval = tiling(duration, bufferBefore, bufferAfter);
        }
        // No upper bound: the default of a long type with long buffers may exceed any fixed one, and a
        // long interval only means fewer slots.
        if (slotInterval.isNegative() || slotInterval.isZero()) {
            throw new Rejection.RuleViolated("appointment-type.slot-interval-invalid");
        }
    }

    /** Rules whose slots tile the day: the interval is the duration plus both buffers. */
    public BookingRules(
            Duration duration,
            Duration bufferBefore,
            Duration bufferAfter,
            Duration minimumNotice,
            Duration horizon,
            int capacity) {
        this(duration, bufferBefore, bufferAfter, minimumNotice, horizon, capacity, null);
    }

    /** The interval at which back-to-back appointments of this length and buffers follow each other. */
    public static Duration tiling(Duration duration, Duration bufferBefore, Duration bufferAfter) {
        return duration.plus(bufferBefore).plus(bufferAfter);
    }

    /** The real time an appointment starting at the given range blocks, buffers included. */
    public TimeRange blocked(TimeRange appointment) {
        return appointment.widen(bufferBefore, bufferAfter);
    }

    /** Whether a slot starting then may be booked now: not before the minimum notice, not beyond the horizon. */
    public boolean admits(Instant start, Instant now) {
        return !start.isBefore(now.plus(minimumNotice)) && !start.isAfter(now.plus(horizon));
    }
}
