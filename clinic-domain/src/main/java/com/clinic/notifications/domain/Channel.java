package com.clinic.notifications.domain;

/** How a message reaches its recipient. */
public enum Channel {
    /** A push message to the recipient's registered devices (Firebase Cloud Messaging). */
    PUSH,
    /** An e-mail with HTML and plain-text parts. */
    EMAIL,
    /** A text message to the recipient's E.164 phone number. */
    SMS,
    /** Stored in the recipient's inbox in the app and streamed to their open clients. */
    IN_APP
}
