package com.clinic.notifications.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Port: store a notice for one user, in the caller's transaction. */
public interface InAppDelivery {

    /** A message for one user, by template key with parameters; rendered in the user's language. */
    record Notice(UUID recipientUserId, String template, Map<String, String> parameters, Instant at) {}

    void send(Notice notice);
}
