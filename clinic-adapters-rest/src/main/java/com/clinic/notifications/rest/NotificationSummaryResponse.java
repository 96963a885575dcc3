package com.clinic.notifications.rest;

import com.clinic.notifications.application.port.NotificationReadModel.AttemptView;
import com.clinic.notifications.application.port.NotificationReadModel.NotificationSummary;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notification as staff and its patient see it: what, to whom, its state now and every provider
 * call. No message text: that is sealed with the recipient's key.
 *
 * @param channel the channel it is on now (or was sent on); null when the recipient's choices left none
 * @param reason why it is in its state (a deferral, a fail-over, a failure report, the dead letter,
 *     a cancellation)
 */
record NotificationSummaryResponse(
        UUID notificationId,
        String template,
        Category category,
        UUID recipientUserId,
        UUID patientId,
        UUID clinicId,
        UUID about,
        NotificationStatus status,
        Channel channel,
        Instant requestedAt,
        Instant dueAt,
        String reason,
        Instant updatedAt,
        List<AttemptResponse> attempts) {

    /** One provider call: the provider's answer as it gave it (status and error code). */
    record AttemptResponse(
            Channel channel,
            int attempt,
            String provider,
            String outcome,
            String providerMessageId,
            String answer,
            long latencyMillis,
            Instant at) {

        static AttemptResponse of(AttemptView attempt) {
            return new AttemptResponse(
                    attempt.channel(),
                    attempt.attempt(),
                    attempt.provider(),
                    attempt.outcome(),
                    attempt.providerMessageId().orElse(null),
                    attempt.answer(),
                    attempt.latencyMillis(),
                    attempt.at());
        }
    }

    static NotificationSummaryResponse of(NotificationSummary summary) {
        return new NotificationSummaryResponse(
                summary.notificationId(),
                summary.template(),
                summary.category(),
                summary.recipientUserId().orElse(null),
                summary.patientId().orElse(null),
                summary.clinicId().orElse(null),
                summary.about().orElse(null),
                summary.status(),
                summary.channel().orElse(null),
                summary.requestedAt(),
                summary.dueAt(),
                summary.reason().orElse(null),
                summary.updatedAt(),
                summary.attempts().stream().map(AttemptResponse::of).toList());
    }
}
