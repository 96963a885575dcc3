package com.clinic.scheduling.application.waitlist.port;

/** The state of an entry as the read model shows it. */
public enum WaitlistEntryStatus {
    WAITING,
    OFFERED,
    FULFILLED,
    WITHDRAWN,
    LAPSED;

    public boolean isOpen() {
        return this == WAITING || this == OFFERED;
    }
}
