package com.clinic.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.domain.NotificationCommand.Cancel;
import com.clinic.notifications.domain.NotificationCommand.Defer;
import com.clinic.notifications.domain.NotificationCommand.MarkRead;
import com.clinic.notifications.domain.NotificationCommand.RecordAttempt;
import com.clinic.notifications.domain.NotificationCommand.RecordReport;
import com.clinic.notifications.domain.NotificationCommand.Redrive;
import com.clinic.notifications.domain.NotificationCommand.Render;
import com.clinic.notifications.domain.NotificationCommand.ReportedStatus;
import com.clinic.notifications.domain.NotificationCommand.Request;
import com.clinic.notifications.domain.NotificationCommand.Suppress;
import com.clinic.notifications.domain.NotificationCommand.Wake;
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
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationDeciderTest {

    private static final UUID ID = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final Instant NOW = Instant.parse("2026-06-01T06:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-02T06:00:00Z");
    private static final Ciphertext CONTENT = new Ciphertext("v1:k:sealed");
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5));
    private static final NotificationDecider DECIDER = new NotificationDecider();

    private final DeciderSpecification<NotificationCommand, NotificationEvent, NotificationState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static Request request(List<Channel> channels, Instant dueAt, Optional<Instant> expiresAt) {
        return new Request(
                ID,
                "appointment.reminder",
                Category.REMINDERS,
                Urgency.NORMAL,
                Recipient.patient(PATIENT, Optional.empty()),
                Optional.empty(),
                Optional.empty(),
                channels,
                CONTENT,
                dueAt,
                expiresAt,
                "event-1",
                NOW);
    }

    private static NotificationRequested requested(List<Channel> channels, Instant dueAt, Optional<Instant> expiresAt) {
        Request r = request(channels, dueAt, expiresAt);
        return new NotificationRequested(
                ID,
                r.template(),
                r.category(),
                r.urgency(),
                r.recipient(),
                r.clinicId(),
                r.about(),
                r.channels(),
                r.content(),
                r.dueAt(),
                r.expiresAt(),
                r.source(),
                NOW);
    }

    private static final NotificationRequested PUSH_THEN_SMS =
            requested(List.of(Channel.PUSH, Channel.SMS), NOW, Optional.empty());
    private static final NotificationDue PUSH_DUE = new NotificationDue(ID, Channel.PUSH, 1, NOW);
    private static final NotificationRendered PUSH_RENDERED =
            new NotificationRendered(ID, Channel.PUSH, 1, "ar", Optional.empty(), NOW);

    private static RecordAttempt attempt(Channel channel, int attempt, AttemptOutcome outcome, Instant at) {
        return new RecordAttempt(
                ID,
                channel,
                attempt,
                "fcm",
                outcome,
                outcome == AttemptOutcome.ACCEPTED ? Optional.of("msg-1") : Optional.empty(),
                outcome == AttemptOutcome.ACCEPTED ? "200" : "503 UNAVAILABLE",
                Duration.ofMillis(42),
                Optional.empty(),
                POLICY,
                0.0,
                at);
    }

    private static DeliveryAttempted attempted(Channel channel, int attempt, AttemptOutcome outcome, Instant at) {
        return new DeliveryAttempted(
                ID,
                channel,
                attempt,
                "fcm",
                outcome,
                outcome == AttemptOutcome.ACCEPTED ? Optional.of("msg-1") : Optional.empty(),
                outcome == AttemptOutcome.ACCEPTED ? "200" : "503 UNAVAILABLE",
                42,
                at);
    }

    @Nested
    class Requesting {

        @Test
        void aMessageForNowIsDueOnItsFirstChannelAtOnce() {
            spec.when(request(List.of(Channel.PUSH, Channel.SMS), NOW, Optional.empty()))
                    .then(PUSH_THEN_SMS, PUSH_DUE);
        }

        @Test
        void aReminderForLaterWaitsForItsTime() {
            spec.when(request(List.of(Channel.PUSH), LATER, Optional.empty()))
                    .then(
                            requested(List.of(Channel.PUSH), LATER, Optional.empty()),
                            new NotificationScheduled(ID, LATER, NOW));
        }

        @Test
        void theSameRequestAgainRecordsNothing() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE)
                    .when(request(List.of(Channel.PUSH, Channel.SMS), NOW, Optional.empty()))
                    .thenNothing();
        }

        @Test
        void aMessageTheRecipientLeftNoChannelForIsRecordedAsSuppressed() {
            spec.when(request(List.of(), NOW, Optional.empty()))
                    .then(
                            requested(List.of(), NOW, Optional.empty()),
                            new NotificationSuppressed(ID, "no-channel", NOW));
        }

        @Test
        void aMessageAlreadyPastItsDeadlineLapsesAtOnce() {
            spec.when(request(List.of(Channel.PUSH), NOW, Optional.of(NOW)))
                    .then(requested(List.of(Channel.PUSH), NOW, Optional.of(NOW)), new NotificationLapsed(ID, NOW));
        }

        @Test
        void commandsToAnUnknownNotificationAreNotFound() {
            spec.when(new Wake(ID, NOW, NOW)).thenRejects(Rejection.NotFound.class, "notification.not-found");
        }
    }

    @Nested
    class Timers {

        @Test
        void theTimerOfAScheduledMessageMakesItDue() {
            spec.given(
                            requested(List.of(Channel.PUSH), LATER, Optional.empty()),
                            new NotificationScheduled(ID, LATER, NOW))
                    .when(new Wake(ID, LATER, LATER))
                    .then(new NotificationDue(ID, Channel.PUSH, 1, LATER));
        }

        @Test
        void aStaleTimerChangesNothing() {
            spec.given(
                            requested(List.of(Channel.PUSH), LATER, Optional.empty()),
                            new NotificationScheduled(ID, LATER, NOW))
                    .when(new Wake(ID, NOW.plusSeconds(5), LATER))
                    .thenNothing();
        }

        @Test
        void aTimerFiringTwiceMakesItDueOnce() {
            spec.given(
                            requested(List.of(Channel.PUSH), LATER, Optional.empty()),
                            new NotificationScheduled(ID, LATER, NOW),
                            new NotificationDue(ID, Channel.PUSH, 1, LATER))
                    .when(new Wake(ID, LATER, LATER))
                    .thenNothing();
        }

        @Test
        void aCancelledReminderIsNotWokenUp() {
            spec.given(
                            requested(List.of(Channel.PUSH), LATER, Optional.empty()),
                            new NotificationScheduled(ID, LATER, NOW),
                            new NotificationCancelled(ID, "appointment-cancelled", NOW))
                    .when(new Wake(ID, LATER, LATER))
                    .thenNothing();
        }

        @Test
        void aMessageWokenAfterItsDeadlineLapses() {
            Instant deadline = LATER.minusSeconds(60);
            spec.given(
                            requested(List.of(Channel.PUSH), LATER, Optional.of(deadline)),
                            new NotificationScheduled(ID, LATER, NOW))
                    .when(new Wake(ID, LATER, LATER))
                    .then(new NotificationLapsed(ID, LATER));
        }
    }

    @Nested
    class Sending {

        @Test
        void renderingStartsTheAttempt() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE)
                    .when(new Render(ID, Channel.PUSH, 1, "ar", Optional.empty(), NOW))
                    .then(PUSH_RENDERED);
        }

        @Test
        void aFallbackLanguageIsRecordedWithTheRendering() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE)
                    .when(new Render(ID, Channel.PUSH, 1, "en", Optional.of("ar"), NOW))
                    .then(new NotificationRendered(ID, Channel.PUSH, 1, "en", Optional.of("ar"), NOW));
        }

        @Test
        void aCancelledMessageCannotBeRendered() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE, new NotificationCancelled(ID, "appointment-cancelled", NOW))
                    .when(new Render(ID, Channel.PUSH, 1, "ar", Optional.empty(), NOW))
                    .thenRejects(Rejection.Conflict.class, "notification.not-due");
        }

        @Test
        void anAttemptRenderedButNeverAnsweredMayGoOutAgain() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE, PUSH_RENDERED)
                    .when(new Render(ID, Channel.PUSH, 1, "ar", Optional.empty(), NOW))
                    .thenNothing();
        }

        @Test
        void anAcceptedAttemptSendsTheMessage() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE, PUSH_RENDERED)
                    .when(attempt(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW))
                    .then(
                            attempted(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW),
                            new NotificationSent(ID, Channel.PUSH, "fcm", Optional.of("msg-1"), NOW));
        }

        @Test
        void theSameAnswerRecordedTwiceCountsOnce() {
            spec.given(
                            PUSH_THEN_SMS,
                            PUSH_DUE,
                            PUSH_RENDERED,
                            attempted(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW),
                            new NotificationSent(ID, Channel.PUSH, "fcm", Optional.of("msg-1"), NOW))
                    .when(attempt(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW))
                    .thenNothing();
        }

        @Test
        void aTransientFailureIsRetriedAfterTheBackoff() {
            // Attempt 1 with no jitter waits half the base delay: 5 s.
            spec.given(PUSH_THEN_SMS, PUSH_DUE, PUSH_RENDERED)
                    .when(attempt(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW))
                    .then(
                            attempted(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW),
                            new RetryScheduled(ID, Channel.PUSH, 2, NOW.plusSeconds(5), NOW));
        }

        @Test
        void theRetryTimerMakesTheNextAttemptDue() {
            spec.given(
                            PUSH_THEN_SMS,
                            PUSH_DUE,
                            PUSH_RENDERED,
                            attempted(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW),
                            new RetryScheduled(ID, Channel.PUSH, 2, NOW.plusSeconds(5), NOW))
                    .when(new Wake(ID, NOW.plusSeconds(5), NOW.plusSeconds(5)))
                    .then(new NotificationDue(ID, Channel.PUSH, 2, NOW.plusSeconds(5)));
        }

        @Test
        void afterTheLastAttemptTheNextChannelTakesOver() {
            spec.given(
                            PUSH_THEN_SMS,
                            new NotificationDue(ID, Channel.PUSH, 3, NOW),
                            new NotificationRendered(ID, Channel.PUSH, 3, "ar", Optional.empty(), NOW))
                    .when(attempt(Channel.PUSH, 3, AttemptOutcome.TRANSIENT, NOW))
                    .then(
                            attempted(Channel.PUSH, 3, AttemptOutcome.TRANSIENT, NOW),
                            new ChannelFailedOver(ID, Channel.PUSH, Channel.SMS, "attempts-exhausted", NOW),
                            new NotificationDue(ID, Channel.SMS, 1, NOW));
        }

        @Test
        void anUnreachableAddressFailsOverAtOnce() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE, PUSH_RENDERED)
                    .when(attempt(Channel.PUSH, 1, AttemptOutcome.UNREACHABLE, NOW))
                    .then(
                            attempted(Channel.PUSH, 1, AttemptOutcome.UNREACHABLE, NOW),
                            new ChannelFailedOver(ID, Channel.PUSH, Channel.SMS, "unreachable", NOW),
                            new NotificationDue(ID, Channel.SMS, 1, NOW));
        }

        @Test
        void whenTheLastChannelIsRejectedTheMessageIsDeadLettered() {
            NotificationRequested smsOnly = requested(List.of(Channel.SMS), NOW, Optional.empty());
            spec.given(
                            smsOnly,
                            new NotificationDue(ID, Channel.SMS, 1, NOW),
                            new NotificationRendered(ID, Channel.SMS, 1, "en", Optional.empty(), NOW))
                    .when(attempt(Channel.SMS, 1, AttemptOutcome.REJECTED, NOW))
                    .then(
                            attempted(Channel.SMS, 1, AttemptOutcome.REJECTED, NOW),
                            new NotificationDeadLettered(ID, "rejected", NOW));
        }

        @Test
        void aRetryThatWouldComeAfterTheDeadlineFailsOverInstead() {
            spec.given(
                            requested(List.of(Channel.PUSH, Channel.SMS), NOW, Optional.of(NOW.plusSeconds(3))),
                            PUSH_DUE,
                            PUSH_RENDERED)
                    .when(attempt(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW))
                    .then(
                            attempted(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW),
                            new ChannelFailedOver(ID, Channel.PUSH, Channel.SMS, "attempts-exhausted", NOW),
                            new NotificationDue(ID, Channel.SMS, 1, NOW));
        }

        @Test
        void anAnswerArrivingAfterACancellationIsRecordedAndNothingFollows() {
            spec.given(
                            PUSH_THEN_SMS,
                            PUSH_DUE,
                            PUSH_RENDERED,
                            new NotificationCancelled(ID, "appointment-cancelled", NOW))
                    .when(attempt(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW))
                    .then(attempted(Channel.PUSH, 1, AttemptOutcome.TRANSIENT, NOW));
        }

        @Test
        void aProvidersRateLimitDefersTheSameAttempt() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE, PUSH_RENDERED)
                    .when(new Defer(ID, Channel.PUSH, 1, NOW.plusSeconds(1), "throttled", NOW))
                    .then(new DeliveryDeferred(ID, Channel.PUSH, 1, NOW.plusSeconds(1), "throttled", NOW))
                    .andState(new NotificationState(
                            NotificationStatus.WAITING,
                            List.of(Channel.PUSH, Channel.SMS),
                            0,
                            1,
                            Optional.of(NOW.plusSeconds(1)),
                            Optional.empty(),
                            0));
        }

        @Test
        void atSendingTimeTheRecipientsChoicesCanStillSuppressIt() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE)
                    .when(new Suppress(ID, "opted-out", NOW))
                    .then(new NotificationSuppressed(ID, "opted-out", NOW));
        }
    }

    @Nested
    class Reports {

        private final NotificationEvent[] sent = {
            PUSH_THEN_SMS,
            PUSH_DUE,
            PUSH_RENDERED,
            attempted(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW),
            new NotificationSent(ID, Channel.PUSH, "fcm", Optional.of("msg-1"), NOW)
        };

        @Test
        void aDeliveryReportMarksItDelivered() {
            spec.given(sent)
                    .when(new RecordReport(ID, Channel.PUSH, ReportedStatus.DELIVERED, "", LATER))
                    .then(new NotificationDelivered(ID, Channel.PUSH, LATER));
        }

        @Test
        void aRepeatedDeliveryReportRecordsNothing() {
            spec.given(List.of(
                            sent[0],
                            sent[1],
                            sent[2],
                            sent[3],
                            sent[4],
                            new NotificationDelivered(ID, Channel.PUSH, LATER)))
                    .when(new RecordReport(ID, Channel.PUSH, ReportedStatus.DELIVERED, "", LATER))
                    .thenNothing();
        }

        @Test
        void aBounceFailsOverToTheNextChannel() {
            spec.given(sent)
                    .when(new RecordReport(ID, Channel.PUSH, ReportedStatus.BOUNCED, "550", LATER))
                    .then(
                            new DeliveryFailed(ID, Channel.PUSH, ReportedStatus.BOUNCED, "550", LATER),
                            new ChannelFailedOver(ID, Channel.PUSH, Channel.SMS, "bounced", LATER),
                            new NotificationDue(ID, Channel.SMS, 1, LATER));
        }

        @Test
        void aSpamComplaintEndsIt() {
            spec.given(sent)
                    .when(new RecordReport(ID, Channel.PUSH, ReportedStatus.SPAM_REPORTED, "", LATER))
                    .then(new DeliveryFailed(ID, Channel.PUSH, ReportedStatus.SPAM_REPORTED, "", LATER));
            assertThat(DECIDER.fold(DECIDER.initialState(), List.of(sent))
                            .with(NotificationStatus.FAILED)
                            .status()
                            .finished())
                    .isTrue();
        }

        @Test
        void aReportForAnotherChannelIsIgnored() {
            spec.given(sent)
                    .when(new RecordReport(ID, Channel.EMAIL, ReportedStatus.BOUNCED, "", LATER))
                    .thenNothing();
        }
    }

    @Nested
    class InApp {

        private final NotificationEvent[] shown = {
            requested(List.of(Channel.IN_APP), NOW, Optional.empty()),
            new NotificationDue(ID, Channel.IN_APP, 1, NOW),
            new NotificationRendered(ID, Channel.IN_APP, 1, "ar", Optional.empty(), NOW),
            attempted(Channel.IN_APP, 1, AttemptOutcome.ACCEPTED, NOW),
            new NotificationSent(ID, Channel.IN_APP, "inbox", Optional.empty(), NOW)
        };

        @Test
        void anInAppMessageIsReadOnce() {
            spec.given(shown).when(new MarkRead(ID, LATER)).then(new NotificationRead(ID, LATER));
        }

        @Test
        void readingAgainRecordsNothing() {
            spec.given(List.of(shown[0], shown[1], shown[2], shown[3], shown[4], new NotificationRead(ID, LATER)))
                    .when(new MarkRead(ID, LATER))
                    .thenNothing();
        }

        @Test
        void aPushIsNeverRead() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE, PUSH_RENDERED)
                    .when(new MarkRead(ID, LATER))
                    .thenNothing();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aScheduledReminderIsCancelled() {
            spec.given(
                            requested(List.of(Channel.PUSH), LATER, Optional.empty()),
                            new NotificationScheduled(ID, LATER, NOW))
                    .when(new Cancel(ID, "appointment-rescheduled", NOW))
                    .then(new NotificationCancelled(ID, "appointment-rescheduled", NOW));
        }

        @Test
        void aSentMessageIsNotCancelled() {
            spec.given(
                            PUSH_THEN_SMS,
                            PUSH_DUE,
                            PUSH_RENDERED,
                            attempted(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW),
                            new NotificationSent(ID, Channel.PUSH, "fcm", Optional.of("msg-1"), NOW))
                    .when(new Cancel(ID, "appointment-cancelled", NOW))
                    .thenNothing();
        }
    }

    @Nested
    class DeadLetters {

        private final NotificationEvent[] deadLettered = {
            PUSH_THEN_SMS,
            new NotificationDue(ID, Channel.SMS, 1, NOW),
            new NotificationDeadLettered(ID, "rejected", NOW)
        };

        @Test
        void aRedriveStartsAgainFromTheFirstChannel() {
            spec.given(deadLettered)
                    .when(new Redrive(ID, ADMIN, LATER))
                    .then(new NotificationRedriven(ID, ADMIN, LATER), new NotificationDue(ID, Channel.PUSH, 1, LATER));
        }

        @Test
        void aMessageThatCannotBeRenderedIsDeadLetteredNotLost() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE)
                    .when(new NotificationCommand.Abandon(ID, "render-failed", NOW))
                    .then(new NotificationDeadLettered(ID, "render-failed", NOW));
        }

        @Test
        void abandoningASentMessageRecordsNothing() {
            spec.given(
                            PUSH_THEN_SMS,
                            PUSH_DUE,
                            PUSH_RENDERED,
                            attempted(Channel.PUSH, 1, AttemptOutcome.ACCEPTED, NOW),
                            new NotificationSent(ID, Channel.PUSH, "fcm", Optional.of("msg-1"), NOW))
                    .when(new NotificationCommand.Abandon(ID, "render-failed", NOW))
                    .thenNothing();
        }

        @Test
        void onlyADeadLetteredMessageIsRedriven() {
            spec.given(PUSH_THEN_SMS, PUSH_DUE)
                    .when(new Redrive(ID, ADMIN, LATER))
                    .thenRejects(Rejection.Conflict.class, "notification.not-dead-lettered");
        }

        @Test
        void aMessagePastItsDeadlineIsNotRedriven() {
            spec.given(
                            requested(List.of(Channel.SMS), NOW, Optional.of(NOW.plusSeconds(60))),
                            new NotificationDeadLettered(ID, "rejected", NOW))
                    .when(new Redrive(ID, ADMIN, LATER))
                    .thenRejects(Rejection.Conflict.class, "notification.expired");
        }
    }

    @Test
    void theBackoffDoublesUpToItsCapAndHonoursRetryAfter() {
        assertThat(POLICY.retryDelay(1, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.retryDelay(2, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.retryDelay(2, 0.999, Optional.empty()))
                .isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));
        assertThat(POLICY.retryDelay(40, 0.0, Optional.empty())).isEqualTo(Duration.ofSeconds(150));
        assertThat(POLICY.retryDelay(1, 0.0, Optional.of(Duration.ofSeconds(30))))
                .isEqualTo(Duration.ofSeconds(30));
    }
}
