package com.clinic.notifications.persistence;

import com.clinic.notifications.domain.AttemptOutcome;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationEvent;
import com.clinic.notifications.domain.NotificationEvent.ChannelFailedOver;
import com.clinic.notifications.domain.NotificationEvent.DeliveryAttempted;
import com.clinic.notifications.domain.NotificationEvent.DeliveryDeferred;
import com.clinic.notifications.domain.NotificationEvent.DeliveryFailed;
import com.clinic.notifications.domain.NotificationEvent.NotificationCancelled;
import com.clinic.notifications.domain.NotificationEvent.NotificationDeadLettered;
import com.clinic.notifications.domain.NotificationEvent.NotificationDelivered;
import com.clinic.notifications.domain.NotificationEvent.NotificationDue;
import com.clinic.notifications.domain.NotificationEvent.NotificationLapsed;
import com.clinic.notifications.domain.NotificationEvent.NotificationRead;
import com.clinic.notifications.domain.NotificationEvent.NotificationRedriven;
import com.clinic.notifications.domain.NotificationEvent.NotificationRendered;
import com.clinic.notifications.domain.NotificationEvent.NotificationRequested;
import com.clinic.notifications.domain.NotificationEvent.NotificationScheduled;
import com.clinic.notifications.domain.NotificationEvent.NotificationSent;
import com.clinic.notifications.domain.NotificationEvent.NotificationSuppressed;
import com.clinic.notifications.domain.NotificationEvent.RetryScheduled;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import com.clinic.platform.domain.Ciphertext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One notification's events, numbered as its aggregate numbers them and handed to the projection
 * as its processor would; {@link #redeliver()} hands every one of them again.
 */
final class NotificationStream {

    final UUID id;
    private final NotificationProjection projection;
    private final List<NotificationEvent> events = new ArrayList<>();

    private NotificationStream(NotificationProjection projection, UUID id) {
        this.projection = projection;
        this.id = id;
    }

    /** A patient's notification of a clinic, about an appointment, on these channels. */
    static NotificationStream requested(
            NotificationProjection projection,
            UUID patientId,
            UUID userId,
            UUID clinicId,
            Instant at,
            Channel... channels) {
        UUID id = UUID.randomUUID();
        NotificationStream stream = new NotificationStream(projection, id);
        stream.then(new NotificationRequested(
                id,
                "appointment.reminder",
                Category.REMINDERS,
                Urgency.NORMAL,
                Recipient.patient(patientId, Optional.of(userId)),
                Optional.of(clinicId),
                Optional.of(UUID.randomUUID()),
                List.of(channels),
                new Ciphertext("sealed"),
                at,
                Optional.empty(),
                "event-" + id,
                at));
        return stream;
    }

    NotificationStream then(NotificationEvent event) {
        events.add(event);
        deliver(events.size() - 1, event);
        return this;
    }

    NotificationStream scheduled(Instant dueAt, Instant at) {
        return then(new NotificationScheduled(id, dueAt, at));
    }

    NotificationStream due(Channel channel, int attempt, Instant at) {
        return then(new NotificationDue(id, channel, attempt, at));
    }

    NotificationStream rendered(Channel channel, int attempt, Instant at) {
        return then(new NotificationRendered(id, channel, attempt, "ar", Optional.empty(), at));
    }

    NotificationStream attempted(Channel channel, int attempt, String provider, AttemptOutcome outcome, Instant at) {
        Optional<String> messageId = outcome == AttemptOutcome.ACCEPTED
                ? Optional.of(provider + "-" + id + "-" + attempt)
                : Optional.empty();
        return then(new DeliveryAttempted(
                id, channel, attempt, provider, outcome, messageId, "answer " + attempt, 120, at));
    }

    /** Due, rendered and handed to the provider, who answers {@code outcome}. */
    NotificationStream tried(Channel channel, int attempt, String provider, AttemptOutcome outcome, Instant at) {
        return due(channel, attempt, at)
                .rendered(channel, attempt, at)
                .attempted(channel, attempt, provider, outcome, at);
    }

    NotificationStream sent(Channel channel, String provider, Instant at) {
        return then(new NotificationSent(id, channel, provider, Optional.of(provider + "-" + id), at));
    }

    NotificationStream retry(Channel channel, int attempt, Instant retryAt, Instant at) {
        return then(new RetryScheduled(id, channel, attempt, retryAt, at));
    }

    NotificationStream deferred(Channel channel, int attempt, Instant until, Instant at) {
        return then(new DeliveryDeferred(id, channel, attempt, until, "throttled", at));
    }

    NotificationStream failedOver(Channel from, Channel to, String reason, Instant at) {
        return then(new ChannelFailedOver(id, from, to, reason, at));
    }

    NotificationStream delivered(Channel channel, Instant at) {
        return then(new NotificationDelivered(id, channel, at));
    }

    NotificationStream failed(Channel channel, Instant at) {
        return then(new DeliveryFailed(
                id,
                channel,
                com.clinic.notifications.domain.NotificationCommand.ReportedStatus.BOUNCED,
                "mailbox full",
                at));
    }

    NotificationStream read(Instant at) {
        return then(new NotificationRead(id, at));
    }

    NotificationStream deadLettered(String reason, Instant at) {
        return then(new NotificationDeadLettered(id, reason, at));
    }

    NotificationStream redriven(UUID by, Instant at) {
        return then(new NotificationRedriven(id, by, at));
    }

    NotificationStream cancelled(String reason, Instant at) {
        return then(new NotificationCancelled(id, reason, at));
    }

    NotificationStream suppressed(String reason, Instant at) {
        return then(new NotificationSuppressed(id, reason, at));
    }

    NotificationStream lapsed(Instant at) {
        return then(new NotificationLapsed(id, at));
    }

    /** Every event again, with the sequence numbers it had: what a redelivery after a crash does. */
    void redeliver() {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            deliver(sequence, events.get(sequence));
        }
    }

    /** One earlier event again, after later ones were applied. */
    void redeliver(int sequence) {
        deliver(sequence, events.get(sequence));
    }

    private void deliver(long sequence, NotificationEvent event) {
        switch (event) {
            case NotificationRequested e -> projection.on(e, sequence);
            case NotificationScheduled e -> projection.on(e, sequence);
            case NotificationDue e -> projection.on(e, sequence);
            case NotificationRendered e -> projection.on(e, sequence);
            case DeliveryAttempted e -> projection.on(e, sequence);
            case NotificationSent e -> projection.on(e, sequence);
            case RetryScheduled e -> projection.on(e, sequence);
            case DeliveryDeferred e -> projection.on(e, sequence);
            case ChannelFailedOver e -> projection.on(e, sequence);
            case NotificationDelivered e -> projection.on(e, sequence);
            case DeliveryFailed e -> projection.on(e, sequence);
            case NotificationRead e -> projection.on(e, sequence);
            case NotificationDeadLettered e -> projection.on(e, sequence);
            case NotificationRedriven e -> projection.on(e, sequence);
            case NotificationCancelled e -> projection.on(e, sequence);
            case NotificationSuppressed e -> projection.on(e, sequence);
            case NotificationLapsed e -> projection.on(e, sequence);
        }
    }
}
