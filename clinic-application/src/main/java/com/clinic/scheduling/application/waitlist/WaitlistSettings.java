package com.clinic.scheduling.application.waitlist;

import java.time.Duration;
import java.util.Objects;

/**
 * The waiting list's settings ({@code clinic.waitlist.*}).
 *
 * @param offerTtl how long a patient has to accept an offered slot, which is held for them meanwhile;
 *     at most 30 minutes, the longest a hold may last
 * @param projectionWait how long the offer process waits, on an event that adds schedule capacity,
 *     for the availability projection to include that event before it gives the event back to its
 *     processor for a retry; more than zero and under 10 seconds, the token claim timeout after which
 *     another instance may take over the process's segment
 */
public record WaitlistSettings(Duration offerTtl, Duration projectionWait) {

    private static final Duration TOKEN_CLAIM_TIMEOUT = Duration.ofSeconds(10);

    public WaitlistSettings {
        Objects.requireNonNull(offerTtl, "offerTtl");
        Objects.requireNonNull(projectionWait, "projectionWait");
        if (offerTtl.isNegative() || offerTtl.isZero() || offerTtl.compareTo(Duration.ofMinutes(30)) > 0) {
            // An offer is a hold, and holds may last at most 30 minutes (AppointmentDecider.MAX_HOLD).
            throw new IllegalArgumentException("clinic.waitlist.offer-ttl must be between 1 second and 30 minutes");
        }
        if (projectionWait.isNegative()
                || projectionWait.isZero()
                || projectionWait.compareTo(TOKEN_CLAIM_TIMEOUT) >= 0) {
            // The process waits holding its segment's claim; past the claim timeout the wait could
            // only end in a lost claim and a rolled-back step.
            throw new IllegalArgumentException(
                    "clinic.waitlist.projection-wait must be more than 0 and under 10 seconds");
        }
    }
}
