package com.clinic.notifications.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: store a notice for one user, in the caller's transaction; the user's open clients are told
 * when that transaction commits, on whichever instance they are connected.
 */
public interface InAppDelivery {

    /**
     * A message for one user. The dispatcher stores it rendered, in the recipient's language, under
     * the notification's own id (storing the same id again changes nothing); a notice without
     * {@code rendered} is rendered from its template and parameters when it is read.
     *
     * @param notificationId the row's id when the notice is a notification's in-app delivery
     */
    record Notice(
            Optional<UUID> notificationId,
            UUID recipientUserId,
            String template,
            Map<String, String> parameters,
            Optional<RenderedText> rendered,
            Instant at) {

        public Notice {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(recipientUserId, "recipientUserId");
            Objects.requireNonNull(template, "template");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(rendered, "rendered");
            Objects.requireNonNull(at, "at");
        }

        /** By template key with parameters, rendered in the reader's language when it is read. */
        public Notice(UUID recipientUserId, String template, Map<String, String> parameters, Instant at) {
            this(Optional.empty(), recipientUserId, template, parameters, Optional.empty(), at);
        }

        /** A notification's in-app delivery, already rendered in the recipient's language. */
        public static Notice rendered(
                UUID notificationId, UUID recipientUserId, String template, RenderedText text, Instant at) {
            return new Notice(Optional.of(notificationId), recipientUserId, template, Map.of(), Optional.of(text), at);
        }
    }

    void send(Notice notice);
}
