package com.clinic.notifications.domain;

import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.Ciphertext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What may be asked of one notification. Time and the jitter of a retry arrive in the command. */
public sealed interface NotificationCommand extends AggregateCommand {

    UUID notificationId();

    @Override
    default String aggregateId() {
        return notificationId().toString();
    }

    /**
     * A message to send at {@code dueAt} (now or later) on the first of {@code channels} that
     * works, the next ones being its fail-over in order. An empty list records that the recipient's
     * choices left no channel. The same id asked again records nothing: the id is derived from the
     * event that caused the message, so a redelivered event never makes a second message.
     *
     * @param about what the message concerns (an appointment, an offer), for cancelling and history
     * @param content the template's parameters, sealed with the recipient's subject key
     * @param expiresAt after this the message is pointless and is never sent (an offer's deadline)
     * @param source the id of the event the message answers
     */
    record Request(
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
            implements NotificationCommand {
        public Request {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(recipient, "recipient");
            channels = List.copyOf(channels);
            if (channels.stream().distinct().count() != channels.size()) {
                throw new IllegalArgumentException("a channel appears twice");
            }
        }
    }

    /** A timer fired: the one set for {@code wakeAt} (a stale timer changes nothing). */
    record Wake(UUID notificationId, Instant wakeAt, Instant at) implements NotificationCommand {}

    /**
     * The text was rendered for this attempt and is about to be handed to the provider: from here the
     * attempt happens, so a cancellation that arrives later no longer stops it.
     */
    record Render(
            UUID notificationId,
            Channel channel,
            int attempt,
            String language,
            Optional<String> fellBackFrom,
            Instant at)
            implements NotificationCommand {}

    /** What the provider answered to one attempt. */
    record RecordAttempt(
            UUID notificationId,
            Channel channel,
            int attempt,
            String provider,
            AttemptOutcome outcome,
            Optional<String> providerMessageId,
            String answer,
            Duration latency,
            Optional<Duration> retryAfter,
            DeliveryPolicy policy,
            double jitter,
            Instant at)
            implements NotificationCommand {}

    /** The provider's rate limit had no room: not an attempt; try the same attempt at {@code until}. */
    record Defer(UUID notificationId, Channel channel, int attempt, Instant until, String reason, Instant at)
            implements NotificationCommand {}

    /** A provider's signed report about a message it took. */
    record RecordReport(UUID notificationId, Channel channel, ReportedStatus status, String detail, Instant at)
            implements NotificationCommand {}

    /** The recipient opened it in the app. */
    record MarkRead(UUID notificationId, Instant at) implements NotificationCommand {}

    /** It no longer applies (the appointment moved or was cancelled, the offer ended). */
    record Cancel(UUID notificationId, String reason, Instant at) implements NotificationCommand {}

    /** At sending time the recipient's choices leave this message no channel. */
    record Suppress(UUID notificationId, String reason, Instant at) implements NotificationCommand {}

    /**
     * The message cannot be made at all (its template does not render with what it carries): it
     * goes where an administrator looks, not silently away.
     */
    record Abandon(UUID notificationId, String reason, Instant at) implements NotificationCommand {}

    /** An administrator sends a dead-lettered message again, from its first channel. */
    record Redrive(UUID notificationId, UUID by, Instant at) implements NotificationCommand {}

    /** What a provider reported after it took a message. */
    enum ReportedStatus {
        DELIVERED,
        BOUNCED,
        DROPPED,
        SPAM_REPORTED,
        FAILED
    }
}
