package com.clinic.notifications.domain;

import com.clinic.notifications.domain.NotificationCommand.ReportedStatus;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of one message: requested, scheduled, due, rendered, attempted, sent, delivered or
 * failed, read. Personal data only ever appears sealed ({@code content}); addresses never.
 */
public sealed interface NotificationEvent extends DomainEvent {

    UUID notificationId();

    Instant at();

    @Override
    default String aggregateId() {
        return notificationId().toString();
    }

    record NotificationRequested(
            UUID notificationId,
            String template,
            Category category,
            Urgency urgency,
            Recipient recipient,
            Optional<UUID> clinicId,
            Optional<UUID> about,
            List<Channel> channels,
            Ciphertext content,
            Instant dueAt,
            Optional<Instant> expiresAt,
            String source,
            Instant at)
            implements NotificationEvent {
        public NotificationRequested {
            channels = List.copyOf(channels);
        }
    }

    /** Waits for {@code dueAt}: a reminder's time, or the end of the recipient's quiet hours. */
    record NotificationScheduled(UUID notificationId, Instant dueAt, Instant at) implements NotificationEvent {}

    /** Attempt {@code attempt} on {@code channel} is to be made now. */
    record NotificationDue(UUID notificationId, Channel channel, int attempt, Instant at)
            implements NotificationEvent {}

    record NotificationRendered(
            UUID notificationId,
            Channel channel,
            int attempt,
            String language,
            Optional<String> fellBackFrom,
            Instant at)
            implements NotificationEvent {}

    record DeliveryAttempted(
            UUID notificationId,
            Channel channel,
            int attempt,
            String provider,
            AttemptOutcome outcome,
            Optional<String> providerMessageId,
            String answer,
            long latencyMillis,
            Instant at)
            implements NotificationEvent {}

    record NotificationSent(
            UUID notificationId, Channel channel, String provider, Optional<String> providerMessageId, Instant at)
            implements NotificationEvent {}

    record RetryScheduled(UUID notificationId, Channel channel, int attempt, Instant retryAt, Instant at)
            implements NotificationEvent {}

    record DeliveryDeferred(UUID notificationId, Channel channel, int attempt, Instant until, String reason, Instant at)
            implements NotificationEvent {}

    record ChannelFailedOver(UUID notificationId, Channel from, Channel to, String reason, Instant at)
            implements NotificationEvent {}

    record NotificationDelivered(UUID notificationId, Channel channel, Instant at) implements NotificationEvent {}

    record DeliveryFailed(UUID notificationId, Channel channel, ReportedStatus status, String detail, Instant at)
            implements NotificationEvent {}

    record NotificationRead(UUID notificationId, Instant at) implements NotificationEvent {}

    /** Every channel was tried and none took it: an administrator can list it and send it again. */
    record NotificationDeadLettered(UUID notificationId, String reason, Instant at) implements NotificationEvent {}

    record NotificationRedriven(UUID notificationId, UUID by, Instant at) implements NotificationEvent {}

    record NotificationCancelled(UUID notificationId, String reason, Instant at) implements NotificationEvent {}

    record NotificationSuppressed(UUID notificationId, String reason, Instant at) implements NotificationEvent {}

    /** Its moment passed before it could be sent (an offer past its deadline): it never will be. */
    record NotificationLapsed(UUID notificationId, Instant at) implements NotificationEvent {}
}
