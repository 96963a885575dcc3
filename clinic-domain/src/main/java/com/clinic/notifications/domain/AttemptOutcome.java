package com.clinic.notifications.domain;

/** How one provider call ended, as far as the delivery is concerned. */
public enum AttemptOutcome {
    /** The provider took the message. */
    ACCEPTED,
    /** Worth trying again later on the same channel (throttled, provider failure, timeout). */
    TRANSIENT,
    /** Retrying will fail the same way: go to the next channel. */
    REJECTED,
    /** The address reaches nobody (unregistered device, invalid number): go to the next channel. */
    UNREACHABLE
}
