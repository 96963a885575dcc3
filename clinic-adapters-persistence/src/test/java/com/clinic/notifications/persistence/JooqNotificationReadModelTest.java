package com.clinic.notifications.persistence;

import static com.clinic.notifications.domain.AttemptOutcome.ACCEPTED;
import static com.clinic.notifications.domain.AttemptOutcome.REJECTED;
import static com.clinic.notifications.domain.AttemptOutcome.UNREACHABLE;
import static com.clinic.notifications.domain.Channel.IN_APP;
import static com.clinic.notifications.domain.Channel.PUSH;
import static com.clinic.notifications.domain.Channel.SMS;
import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.notifications.application.port.NotificationReadModel.AttemptView;
import com.clinic.notifications.application.port.NotificationReadModel.NotificationSummary;
import com.clinic.notifications.application.port.NotificationReadModel.StateCount;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.NotificationStatus;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.ProjectionWrites;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqNotificationReadModelTest {

    private static final Instant T0 = Instant.parse("2026-05-10T07:00:00.000321Z");

    private final DSLContext db;
    private final NotificationProjection projection;
    private final JooqNotificationReadModel notifications;
    private final UUID patient = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID clinic = UUID.randomUUID();
    private final UUID otherClinic = UUID.randomUUID();

    JooqNotificationReadModelTest(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.projection = new NotificationProjection(db, writes);
        this.notifications = new JooqNotificationReadModel(db);
    }

    @Test
    void aNotificationIsFoundWithEveryAttemptInTheOrderTheyWereMade() {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH, SMS)
                .tried(PUSH, 1, "fcm", UNREACHABLE, T0.plusSeconds(1))
                .failedOver(PUSH, SMS, "unreachable", T0.plusSeconds(1))
                .tried(SMS, 1, "twilio", ACCEPTED, T0.plusSeconds(2))
                .sent(SMS, "twilio", T0.plusSeconds(2));

        NotificationSummary found = notifications.find(stream.id).orElseThrow();

        assertThat(found.notificationId()).isEqualTo(stream.id);
        assertThat(found.template()).isEqualTo("appointment.reminder");
        assertThat(found.category()).isEqualTo(Category.REMINDERS);
        assertThat(found.recipientUserId()).contains(user);
        assertThat(found.patientId()).contains(patient);
        assertThat(found.clinicId()).contains(clinic);
        assertThat(found.about()).isPresent();
        assertThat(found.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(found.channel()).contains(SMS);
        assertThat(found.requestedAt()).isEqualTo(T0);
        assertThat(found.reason()).isEmpty();
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(found.attempts())
                .containsExactly(
                        new AttemptView(
                                PUSH, 1, "fcm", "UNREACHABLE", Optional.empty(), "answer 1", 120, T0.plusSeconds(1)),
                        new AttemptView(
                                SMS,
                                1,
                                "twilio",
                                "ACCEPTED",
                                Optional.of("twilio-" + stream.id + "-1"),
                                "answer 1",
                                120,
                                T0.plusSeconds(2)));
        assertThat(notifications.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aPatientsHistoryIsNewestFirstAndPagesThroughNotificationsOfTheSameInstant() {
        NotificationStream oldest = NotificationStream.requested(projection, patient, user, clinic, T0, PUSH);
        NotificationStream tieA =
                NotificationStream.requested(projection, patient, user, clinic, T0.plusSeconds(60), SMS);
        NotificationStream tieB =
                NotificationStream.requested(projection, patient, user, clinic, T0.plusSeconds(60), SMS);
        NotificationStream newest =
                NotificationStream.requested(projection, patient, user, clinic, T0.plusSeconds(120), IN_APP);
        NotificationStream.requested(projection, UUID.randomUUID(), UUID.randomUUID(), clinic, T0, PUSH);
        // PostgreSQL orders UUIDs as unsigned bytes, which is the order of their text.
        List<UUID> ties = tieA.id.toString().compareTo(tieB.id.toString()) > 0
                ? List.of(tieA.id, tieB.id)
                : List.of(tieB.id, tieA.id);

        Page<NotificationSummary> first = notifications.ofPatient(patient, PageRequest.first(2));
        Page<NotificationSummary> second = notifications.ofPatient(patient, new PageRequest(2, first.nextCursor()));

        assertThat(ids(first)).containsExactly(newest.id, ties.get(0));
        assertThat(ids(second)).containsExactly(ties.get(1), oldest.id);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void deadLettersAreListedOldestFirstForOneClinicOrForAll() {
        NotificationStream later = deadLetter(clinic, T0.plusSeconds(30));
        NotificationStream earlier = deadLetter(clinic, T0.plusSeconds(10));
        NotificationStream elsewhere = deadLetter(otherClinic, T0.plusSeconds(20));
        NotificationStream.requested(projection, patient, user, clinic, T0, PUSH)
                .tried(PUSH, 1, "fcm", ACCEPTED, T0);

        assertThat(ids(notifications.deadLettered(Optional.of(clinic), PageRequest.first(10))))
                .containsExactly(earlier.id, later.id);
        Page<NotificationSummary> firstOfAll = notifications.deadLettered(Optional.empty(), PageRequest.first(2));
        assertThat(ids(firstOfAll)).containsExactly(earlier.id, elsewhere.id);
        assertThat(ids(notifications.deadLettered(Optional.empty(), new PageRequest(2, firstOfAll.nextCursor()))))
                .containsExactly(later.id);
        assertThat(notifications.find(earlier.id).orElseThrow().reason()).contains("rejected");
    }

    @Test
    void countsAreByStateAndChannelOfWhatWasRequestedInThePeriod() {
        deadLetter(clinic, T0);
        deadLetter(clinic, T0);
        NotificationStream.requested(projection, patient, user, clinic, T0, PUSH)
                .tried(PUSH, 1, "fcm", ACCEPTED, T0)
                .sent(PUSH, "fcm", T0);
        NotificationStream.requested(projection, patient, user, clinic, T0.plusSeconds(5))
                .suppressed("no-channel", T0);
        NotificationStream.requested(projection, patient, user, clinic, T0.plusSeconds(3600), PUSH);
        NotificationStream.requested(projection, patient, user, otherClinic, T0, PUSH);

        assertThat(notifications.counts(Optional.of(clinic), T0, T0.plusSeconds(3600)))
                .containsExactly(
                        new StateCount(NotificationStatus.DEAD_LETTERED, Optional.of(SMS), 2),
                        new StateCount(NotificationStatus.SENT, Optional.of(PUSH), 1),
                        new StateCount(NotificationStatus.SUPPRESSED, Optional.empty(), 1));
        assertThat(notifications.counts(Optional.empty(), T0, T0.plusSeconds(1)))
                .extracting(StateCount::count)
                .containsExactly(2L, 1L, 1L);
    }

    @Test
    void aProviderMessageIdFindsTheNotificationItWasSentFor() {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinic, T0, SMS)
                .tried(SMS, 1, "twilio", ACCEPTED, T0);

        assertThat(notifications.byProviderMessage("twilio", "twilio-" + stream.id + "-1"))
                .contains(stream.id);
        assertThat(notifications.byProviderMessage("vonage", "twilio-" + stream.id + "-1"))
                .isEmpty();
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThatThrownBy(() -> notifications.ofPatient(patient, new PageRequest(2, Optional.of("bm9wZQ"))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("page.cursor-invalid");
    }

    /** A patient's SMS the provider refused, dead-lettered at {@code at}. */
    private NotificationStream deadLetter(UUID clinicId, Instant at) {
        NotificationStream stream = NotificationStream.requested(projection, patient, user, clinicId, T0, SMS)
                .tried(SMS, 1, "twilio", REJECTED, at)
                .deadLettered("rejected", at);
        assertThat(db.fetchValue(NOTIFICATION_VIEW.STATUS, NOTIFICATION_VIEW.NOTIFICATION_ID.eq(stream.id)))
                .isEqualTo("DEAD_LETTERED");
        return stream;
    }

    private static List<UUID> ids(Page<NotificationSummary> page) {
        return page.items().stream().map(NotificationSummary::notificationId).toList();
    }
}
