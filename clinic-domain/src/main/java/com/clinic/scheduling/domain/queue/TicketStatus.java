package com.clinic.scheduling.domain.queue;

/** Where an active ticket stands; finished, no-show and transferred tickets leave the queue. */
public enum TicketStatus {
    /** In the waiting room, ordered by {@link QueueOrder}. */
    WAITING,
    /** Called to the doctor's room but not seen yet. */
    CALLED,
    /** With the doctor. */
    IN_SERVICE
}
