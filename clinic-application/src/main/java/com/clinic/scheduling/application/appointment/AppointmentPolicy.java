package com.clinic.scheduling.application.appointment;

import java.time.Duration;
import java.util.Objects;

/**
 * The clinic chain's booking policy: how long a hold lasts, how long after the start a patient who
 * has not checked in becomes a no-show, and how close to the start a cancellation counts as late.
 */
public record AppointmentPolicy(Duration holdDuration, Duration noShowGrace, Duration lateCancelWindow) {

    public AppointmentPolicy {
        Objects.requireNonNull(holdDuration, "holdDuration");
        Objects.requireNonNull(noShowGrace, "noShowGrace");
        Objects.requireNonNull(lateCancelWindow, "lateCancelWindow");
        if (holdDuration.isZero() || holdDuration.isNegative()) {
            throw new IllegalArgumentException("clinic.appointments.hold-duration must be positive");
        }
    }
}
