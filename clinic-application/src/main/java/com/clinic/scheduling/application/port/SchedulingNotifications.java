package com.clinic.scheduling.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Port: tell a person something about their appointments (a waiting-list offer, a no-show, a queue
 * call). In-app for now; push, e-mail and SMS adapters come with the notifications context.
 */
public interface SchedulingNotifications {

    /** A message for one user, by template key with parameters; rendered in the user's language. */
    record Notice(UUID recipientUserId, String template, Map<String, String> parameters, Instant at) {}

    void send(Notice notice);
}
