package com.clinic.notifications.persistence;

import static com.clinic.notifications.domain.AttemptOutcome.ACCEPTED;
import static com.clinic.notifications.domain.AttemptOutcome.REJECTED;
import static com.clinic.notifications.domain.AttemptOutcome.TRANSIENT;
import static com.clinic.notifications.domain.AttemptOutcome.UNREACHABLE;
import static com.clinic.notifications.domain.Channel.EMAIL;
import static com.clinic.notifications.domain.Channel.IN_APP;
import static com.clinic.notifications.domain.Channel.PUSH;
import static com.clinic.notifications.domain.Channel.SMS;
import static com.clinic.notifications.persistence.jooq.Tables.IN_APP_NOTIFICATION;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_ATTEMPT;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.port.InAppDelivery.Notice;
import com.clinic.notifications.application.port.RenderedText;
import com.clinic.notifications.persistence.jooq.tables.records.NotificationViewRecord;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.ProjectionWrites;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(PostgresTestDatabase.class)
class NotificationProjectionTest {

    private static final Instant T0 = Instant.parse("2026-05-10T07:00:00.000321Z");

    private final DSLContext db;
    private final NotificationProjection projection;
    private final JooqInAppNotifications inbox;
    private final UUID patient = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID clinic = UUID.randomUUID();

    NotificationProjectionTest(DSLContext db, ProjectionWrites writes, TransactionTemplate transactions) {
        this.db = db;
        this.projection = new NotificationProjection(db, writes);
        this.inbox = new JooqInAppNotifications(db, UUID::randomUUID, transactions);
    }

    @Test
    void aRequestIsShownDueOnItsFirstChannelWithWhoItIsForAndWhatItIsAbout() {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH, SMS);

        assertThat(row(stream)).satisfies(row -> {
            assertThat(row.getTemplate()).isEqualTo("appointment.reminder");
            assertThat(row.getCategory()).isEqualTo("REMINDERS");
            assertThat(row.getRecipientUserId()).isEqualTo(user);
            assertThat(row.getPatientId()).isEqualTo(patient);
            assertThat(row.getClinicId()).isEqualTo(clinic);
            assertThat(row.getAbout()).isNotNull();
            assertThat(row.getStatus()).isEqualTo("DUE");
            assertThat(row.getChannel()).isEqualTo("PUSH");
            assertThat(row.getRequestedAt()).isEqualTo(T0);
            assertThat(row.getDueAt()).isEqualTo(T0);
            assertThat(row.getReason()).isNull();
            assertThat(row.getVersion()).isZero();
        });
    }

    @Test
    void aReminderWaitsForItsTimeThenIsSentAndDelivered() {
        Instant due = T0.plusSeconds(3600);
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH)
                .scheduled(due, T0);
        assertThat(row(stream).getStatus()).isEqualTo("SCHEDULED");
        assertThat(row(stream).getDueAt()).isEqualTo(due);

        stream.tried(PUSH, 1, "fcm", ACCEPTED, due).sent(PUSH, "fcm", due).delivered(PUSH, due.plusSeconds(2));

        assertThat(row(stream)).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("DELIVERED");
            assertThat(row.getChannel()).isEqualTo("PUSH");
            assertThat(row.getVersion()).isEqualTo(6);
            assertThat(row.getUpdatedAt()).isEqualTo(due.plusSeconds(2));
        });
        assertThat(attempts(stream)).containsExactly("0 PUSH 1 fcm ACCEPTED fcm-" + stream.id + "-1");
    }

    @Test
    void retriesAFailOverAndTheDeadLetterKeepEveryAttemptAndTheLastReason() {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH, SMS)
                .tried(PUSH, 1, "fcm", TRANSIENT, T0)
                .retry(PUSH, 2, T0.plusSeconds(10), T0);
        assertThat(row(stream).getStatus()).isEqualTo("WAITING");
        assertThat(row(stream).getDueAt()).isEqualTo(T0.plusSeconds(10));

        stream.tried(PUSH, 2, "fcm", UNREACHABLE, T0.plusSeconds(10))
                .failedOver(PUSH, SMS, "unreachable", T0.plusSeconds(10));
        assertThat(row(stream).getChannel()).isEqualTo("SMS");
        assertThat(row(stream).getReason()).isEqualTo("unreachable");

        stream.tried(SMS, 1, "twilio", REJECTED, T0.plusSeconds(11)).deadLettered("rejected", T0.plusSeconds(11));

        assertThat(row(stream)).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("DEAD_LETTERED");
            assertThat(row.getChannel()).isEqualTo("SMS");
            assertThat(row.getReason()).isEqualTo("rejected");
        });
        assertThat(attempts(stream))
                .containsExactly(
                        "0 PUSH 1 fcm TRANSIENT null", "0 PUSH 2 fcm UNREACHABLE null", "0 SMS 1 twilio REJECTED null");
    }

    @Test
    void aRedriveStartsAgainFromTheFirstChannelAndKeepsTheEarlierAttemptsApart() {
        UUID admin = UUID.randomUUID();
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, SMS)
                .tried(SMS, 1, "twilio", REJECTED, T0)
                .deadLettered("rejected", T0)
                .redriven(admin, T0.plusSeconds(60));
        assertThat(row(stream).getReason()).isNull();
        assertThat(row(stream).getRedrives()).isEqualTo(1);

        stream.tried(SMS, 1, "vonage", ACCEPTED, T0.plusSeconds(60)).sent(SMS, "vonage", T0.plusSeconds(60));

        assertThat(row(stream).getStatus()).isEqualTo("SENT");
        assertThat(attempts(stream))
                .containsExactly("0 SMS 1 twilio REJECTED null", "1 SMS 1 vonage ACCEPTED vonage-" + stream.id + "-1");
    }

    @Test
    void deferralsProviderFailuresCancellationsSuppressionsAndLapsesSayWhy() {
        NotificationStream deferred = NotificationStream.requested(projection, patient, user, clinic, T0, SMS)
                .due(SMS, 1, T0)
                .rendered(SMS, 1, T0)
                .deferred(SMS, 1, T0.plusSeconds(30), T0);
        NotificationStream bounced = NotificationStream.requested(projection, patient, user, clinic, T0, EMAIL)
                .tried(EMAIL, 1, "sendgrid", ACCEPTED, T0)
                .sent(EMAIL, "sendgrid", T0)
                .failed(EMAIL, T0.plusSeconds(5));
        NotificationStream cancelled = NotificationStream.requested(projection, patient, user, clinic, T0, SMS)
                .scheduled(T0.plusSeconds(3600), T0)
                .cancelled("appointment-changed", T0.plusSeconds(60));
        NotificationStream suppressed = NotificationStream.requested(projection, patient, user, clinic, T0)
                .suppressed("no-channel", T0);
        NotificationStream lapsed = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH)
                .lapsed(T0);

        assertThat(summary(deferred)).isEqualTo("WAITING SMS throttled");
        assertThat(row(deferred).getDueAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(summary(bounced)).isEqualTo("FAILED EMAIL bounced: mailbox full");
        assertThat(summary(cancelled)).isEqualTo("CANCELLED SMS appointment-changed");
        assertThat(summary(suppressed)).isEqualTo("SUPPRESSED null no-channel");
        assertThat(summary(lapsed)).isEqualTo("LAPSED PUSH null");
    }

    @Test
    void aReadInAppNotificationStampsItsNoticeKeepingTheFirstReadTime() {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, IN_APP);
        inbox.send(Notice.rendered(
                stream.id, user, "appointment.reminder", new RenderedText(Optional.empty(), "text", "en"), T0));
        stream.tried(IN_APP, 1, "inbox", ACCEPTED, T0).sent(IN_APP, "inbox", T0).read(T0.plusSeconds(90));

        assertThat(row(stream).getStatus()).isEqualTo("READ");
        assertThat(readAt(stream.id)).isEqualTo(T0.plusSeconds(90));

        NotificationStream readInTheInboxFirst =
                NotificationStream.requested(projection, patient, user, clinic, T0, IN_APP);
        inbox.send(Notice.rendered(
                readInTheInboxFirst.id,
                user,
                "appointment.reminder",
                new RenderedText(Optional.empty(), "t", "en"),
                T0));
        inbox.markRead(readInTheInboxFirst.id, user, T0.plusSeconds(40));
        readInTheInboxFirst
                .tried(IN_APP, 1, "inbox", ACCEPTED, T0)
                .sent(IN_APP, "inbox", T0)
                .read(T0.plusSeconds(41));

        assertThat(readAt(readInTheInboxFirst.id)).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void redeliveredEventsChangeNothingWhetherAllAgainOrAnOldOneAfterNewerOnes() {
        NotificationStream redriven = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH, SMS)
                .tried(PUSH, 1, "fcm", UNREACHABLE, T0)
                .failedOver(PUSH, SMS, "unreachable", T0)
                .tried(SMS, 1, "twilio", REJECTED, T0)
                .deadLettered("rejected", T0)
                .redriven(UUID.randomUUID(), T0.plusSeconds(5))
                .tried(PUSH, 1, "fcm", ACCEPTED, T0.plusSeconds(5))
                .sent(PUSH, "fcm", T0.plusSeconds(5));
        NotificationStream read = NotificationStream.requested(projection, patient, user, clinic, T0, IN_APP)
                .tried(IN_APP, 1, "inbox", ACCEPTED, T0)
                .sent(IN_APP, "inbox", T0)
                .read(T0.plusSeconds(9));
        List<String> before = tables();

        redriven.redeliver();
        read.redeliver();
        redriven.redeliver(1);
        read.redeliver(0);

        assertThat(tables()).isEqualTo(before);
        assertThat(attempts(redriven)).hasSize(3);
    }

    @Test
    void aResetEmptiesTheHistoryAndLeavesTheInboxAlone() {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, IN_APP)
                .tried(IN_APP, 1, "inbox", ACCEPTED, T0);
        inbox.send(Notice.rendered(
                stream.id, user, "appointment.reminder", new RenderedText(Optional.empty(), "t", "en"), T0));

        projection.reset();

        assertThat(db.fetchCount(NOTIFICATION_VIEW)).isZero();
        assertThat(db.fetchCount(NOTIFICATION_ATTEMPT)).isZero();
        assertThat(db.fetchCount(IN_APP_NOTIFICATION)).isEqualTo(1);
    }

    private NotificationViewRecord row(NotificationStream stream) {
        return db.selectFrom(NOTIFICATION_VIEW)
                .where(NOTIFICATION_VIEW.NOTIFICATION_ID.eq(stream.id))
                .fetchSingle();
    }

    private String summary(NotificationStream stream) {
        NotificationViewRecord row = row(stream);
        return row.getStatus() + " " + row.getChannel() + " " + row.getReason();
    }

    private List<String> attempts(NotificationStream stream) {
        var a = NOTIFICATION_ATTEMPT;
        return db.select(a.REDRIVE, a.CHANNEL, a.ATTEMPT, a.PROVIDER, a.OUTCOME, a.PROVIDER_MESSAGE_ID)
                .from(a)
                .where(a.NOTIFICATION_ID.eq(stream.id))
                .orderBy(a.REDRIVE, a.AT, a.ATTEMPT)
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " " + r.value4() + " " + r.value5() + " "
                        + r.value6());
    }

    private Instant readAt(UUID id) {
        return db.select(IN_APP_NOTIFICATION.READ_AT)
                .from(IN_APP_NOTIFICATION)
                .where(IN_APP_NOTIFICATION.ID.eq(id))
                .fetchSingle(IN_APP_NOTIFICATION.READ_AT);
    }

    private List<String> tables() {
        List<String> rows = new java.util.ArrayList<>();
        db.selectFrom(NOTIFICATION_VIEW)
                .orderBy(NOTIFICATION_VIEW.NOTIFICATION_ID)
                .forEach(r -> rows.add(r.formatJSON()));
        db.selectFrom(NOTIFICATION_ATTEMPT)
                .orderBy(
                        NOTIFICATION_ATTEMPT.NOTIFICATION_ID,
                        NOTIFICATION_ATTEMPT.REDRIVE,
                        NOTIFICATION_ATTEMPT.CHANNEL,
                        NOTIFICATION_ATTEMPT.ATTEMPT)
                .forEach(r -> rows.add(r.formatJSON()));
        db.selectFrom(IN_APP_NOTIFICATION).orderBy(IN_APP_NOTIFICATION.ID).forEach(r -> rows.add(r.formatJSON()));
        return rows;
    }
}
