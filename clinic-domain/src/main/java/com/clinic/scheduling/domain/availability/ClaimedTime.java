package com.clinic.scheduling.domain.availability;

import java.util.Objects;

/**
 * Real time a booking or hold has claimed on a doctor, buffers included, in one booking lane. An
 * appointment type of capacity {@code c} may use lanes {@code 0..c-1}; a lane holds one claim at a
 * time (PostgreSQL enforces that), so a slot is free as long as one of its lanes is.
 */
public record ClaimedTime(int lane, TimeRange blocked) {

    public ClaimedTime {
        Objects.requireNonNull(blocked, "blocked");
        if (lane < 0) {
            throw new IllegalArgumentException("lane must not be negative: " + lane);
        }
    }
}
