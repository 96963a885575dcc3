package com.clinic.scheduling.domain.waitlist;

/** How soon a waiting patient needs to be seen; the first ranking key, before the time of joining. */
public enum Urgency {
    URGENT(0),
    SOON(1),
    ROUTINE(2);

    private final int rank;

    Urgency(int rank) {
        this.rank = rank;
    }

    /** Lower ranks are offered a freed slot first. */
    public int rank() {
        return rank;
    }
}
