package com.clinic.scheduling.application.queue.port;

import java.util.UUID;

/**
 * Told when a queue's board changed, on every application instance (the adapter listens for the
 * database's change notifications, whichever instance made the change).
 */
public interface QueueChangeSubscriber {

    void queueChanged(UUID queueId);

    /** Notifications may have been missed (the listening connection was lost): refresh everything. */
    void resynchronise();
}
