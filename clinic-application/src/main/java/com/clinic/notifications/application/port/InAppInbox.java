package com.clinic.notifications.application.port;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.time.Instant;
import java.util.UUID;

/** Port: the stored in-app notifications of each user. */
public interface InAppInbox {

    /** Newest first. */
    Page<InAppNotificationView> list(UUID recipientUserId, boolean unreadOnly, PageRequest page);

    /** How many of the user's notices are not read yet. */
    long unreadCount(UUID recipientUserId);

    /**
     * Marks the recipient's own notice read (once; the first time counts; their open clients are
     * told). False if they have no such notice.
     */
    boolean markRead(UUID notificationId, UUID recipientUserId, Instant at);
}
