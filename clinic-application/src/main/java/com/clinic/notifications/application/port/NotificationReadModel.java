package com.clinic.notifications.application.port;

import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: notifications as staff see them (projected from the notification events). */
public interface NotificationReadModel {

    /** One provider call, as recorded. */
    record AttemptView(
            Channel channel,
            int attempt,
            String provider,
            String outcome,
            Optional<String> providerMessageId,
            String answer,
            long latencyMillis,
            Instant at) {}

    /** A notification: what, to whom, its state now and every attempt. No message text (that is sealed). */
    record NotificationSummary(
            UUID notificationId,
            String template,
            Category category,
            Optional<UUID> recipientUserId,
            Optional<UUID> patientId,
            Optional<UUID> clinicId,
            Optional<UUID> about,
            NotificationStatus status,
            Optional<Channel> channel,
            Instant requestedAt,
            Instant dueAt,
            Optional<String> reason,
            Instant updatedAt,
            List<AttemptView> attempts) {
        public NotificationSummary {
            attempts = List.copyOf(attempts);
        }
    }

    record StateCount(NotificationStatus status, Optional<Channel> channel, long count) {}

    Optional<NotificationSummary> find(UUID notificationId);

    /** A patient's notifications, newest first. */
    Page<NotificationSummary> ofPatient(UUID patientId, PageRequest page);

    /** Dead-lettered notifications (of one clinic, or all for an administrator), oldest first. */
    Page<NotificationSummary> deadLettered(Optional<UUID> clinicId, PageRequest page);

    /** How many notifications are in each state, by channel, requested in [from, to). */
    List<StateCount> counts(Optional<UUID> clinicId, Instant from, Instant to);

    /** The notification a provider's message id belongs to (for reports that do not echo our id). */
    Optional<UUID> byProviderMessage(String provider, String providerMessageId);
}
