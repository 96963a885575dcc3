package com.clinic.scheduling.domain.queue;

/** Who moves up the queue; a reason is always recorded with anything above NORMAL. */
public enum Priority {
    EMERGENCY(0),
    DISABLED(1),
    ELDERLY(1),
    NORMAL(2);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
