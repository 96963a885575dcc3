package com.clinic.notifications.application.port;

import java.util.UUID;

/**
 * Told when a user's inbox changed (a notice arrived or was read), on every application instance:
 * the adapter listens for the database's notifications, whichever instance made the change.
 */
public interface InboxChanges {

    void inboxChanged(UUID recipientUserId);

    /** Notifications may have been missed (the listening connection was lost): refresh everything. */
    void resynchronise();
}
