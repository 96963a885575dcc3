package com.clinic.notifications.domain;

/** Where a notification is in its life. */
public enum NotificationStatus {
    /** Not requested yet. */
    NONE,
    /** Waiting for its time (a reminder, quiet hours). */
    SCHEDULED,
    /** An attempt is to be made now. */
    DUE,
    /** Rendered and handed to the provider; its answer is not recorded yet. */
    IN_FLIGHT,
    /** Waiting to try again (a transient failure, a provider's rate limit). */
    WAITING,
    SENT,
    DELIVERED,
    READ,
    /** The provider reported it failed and nothing follows (a spam complaint). */
    FAILED,
    DEAD_LETTERED,
    CANCELLED,
    SUPPRESSED,
    LAPSED;

    /** Nothing more will be sent (a report or a read may still arrive for a sent one). */
    public boolean finished() {
        return switch (this) {
            case SENT, DELIVERED, READ, FAILED, DEAD_LETTERED, CANCELLED, SUPPRESSED, LAPSED -> true;
            default -> false;
        };
    }
}
