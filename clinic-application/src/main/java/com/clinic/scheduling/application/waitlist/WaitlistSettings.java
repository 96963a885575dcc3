package com.clinic.scheduling.application.waitlist;

import java.time.Duration;
import java.util.Objects;

/**
 * The waiting list's settings ({@code clinic.waitlist.*}).
 *
 * @param offerTtl how long a patient has to accept an offered slot, which is held for them meanwhile;
 *     at most 30 minutes, the longest a hold may last
 */
public record WaitlistSettings(Duration offerTtl) {

    public WaitlistSettings {
        Objects.requireNonNull(offerTtl, "offerTtl");
        if (offerTtl.isNegative() || offerTtl.isZero() || offerTtl.compareTo(Duration.ofMinutes(30)) > 0) {
            // An offer is a hold, and holds may last at most 30 minutes (AppointmentDecider.MAX_HOLD).
            throw new IllegalArgumentException("clinic.waitlist.offer-ttl must be between 1 second and 30 minutes");
        }
    }
}
