package com.clinic.notifications.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.notifications.application.port.InAppDelivery.Notice;
import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.notifications.application.port.InboxChanges;
import com.clinic.notifications.application.port.RenderedText;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(PostgresTestDatabase.class)
class JooqInAppNotificationsTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00.123456Z");

    /** Ids handed out in the order the test names them, so that ties on time have a known order. */
    private final Deque<UUID> nextIds = new ArrayDeque<>();

    private final JooqInAppNotifications notifications;
    private final TransactionTemplate transactions;
    private final PostgresTestDatabase.Server server;
    private final UUID recipient = UUID.randomUUID();
    private final BlockingQueue<String> announced = new LinkedBlockingQueue<>();
    private PostgresInboxChangeListener listener;

    JooqInAppNotificationsTest(DSLContext db, TransactionTemplate transactions, PostgresTestDatabase.Server server) {
        this.notifications = new JooqInAppNotifications(db, nextIds::removeFirst, transactions);
        this.transactions = transactions;
        this.server = server;
    }

    @AfterEach
    void stopListening() {
        if (listener != null) {
            listener.stop();
        }
    }

    @Test
    void aSentNoticeIsListedWithItsTemplateParametersAndMicrosecondTime() {
        UUID id = send(id(1), T0, Map.of("doctor", "د. ليلى", "start", "2026-04-02T09:00:00Z"));

        Page<InAppNotificationView> inbox = notifications.list(recipient, false, PageRequest.first(10));

        assertThat(inbox.items())
                .containsExactly(new InAppNotificationView(
                        id,
                        "appointment.reminder",
                        Map.of("doctor", "د. ليلى", "start", "2026-04-02T09:00:00Z"),
                        Optional.empty(),
                        T0,
                        Optional.empty()));
        assertThat(notifications
                        .list(UUID.randomUUID(), false, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void aRenderedNoticeIsStoredUnderItsNotificationsIdAndStoringItAgainChangesNothing() {
        UUID notification = UUID.randomUUID();
        RenderedText text = new RenderedText(Optional.of("موعدك غدًا"), "موعدك مع د. ليلى غدًا الساعة 09:00", "ar");

        notifications.send(Notice.rendered(notification, recipient, "appointment.reminder", text, T0));
        notifications.send(Notice.rendered(
                notification,
                recipient,
                "appointment.reminder",
                new RenderedText(Optional.empty(), "another text", "en"),
                T0.plusSeconds(5)));

        assertThat(notifications.list(recipient, false, PageRequest.first(10)).items())
                .containsExactly(new InAppNotificationView(
                        notification, "appointment.reminder", Map.of(), Optional.of(text), T0, Optional.empty()));
        assertThat(nextIds).as("no generated id was asked for").isEmpty();
    }

    @Test
    void theInboxIsNewestFirstAndPagesThroughNoticesOfTheSameInstantWithoutLosingAny() {
        send(id(1), T0, Map.of());
        send(id(2), T0.plusSeconds(60), Map.of());
        send(id(3), T0.plusSeconds(60), Map.of());
        send(id(4), T0.plusSeconds(60), Map.of());
        send(id(5), T0.plusSeconds(120), Map.of());

        Page<InAppNotificationView> first = notifications.list(recipient, false, PageRequest.first(2));
        Page<InAppNotificationView> second =
                notifications.list(recipient, false, new PageRequest(2, first.nextCursor()));
        Page<InAppNotificationView> third =
                notifications.list(recipient, false, new PageRequest(2, second.nextCursor()));

        assertThat(ids(first)).containsExactly(id(5), id(4));
        assertThat(ids(second)).containsExactly(id(3), id(2));
        assertThat(ids(third)).containsExactly(id(1));
        assertThat(third.nextCursor()).isEmpty();
    }

    @Test
    void markingReadKeepsTheFirstReadTimeAndOnlyTheRecipientCanDoIt() {
        UUID id = send(id(1), T0, Map.of());
        send(id(2), T0.plusSeconds(1), Map.of());

        assertThat(notifications.markRead(id, UUID.randomUUID(), T0.plusSeconds(5)))
                .isFalse();
        assertThat(notifications.markRead(id, recipient, T0.plusSeconds(10))).isTrue();
        assertThat(notifications.markRead(id, recipient, T0.plusSeconds(20))).isTrue();
        assertThat(notifications.markRead(UUID.randomUUID(), recipient, T0)).isFalse();

        Page<InAppNotificationView> all = notifications.list(recipient, false, PageRequest.first(10));
        assertThat(all.items())
                .filteredOn(n -> n.id().equals(id))
                .singleElement()
                .satisfies(n -> assertThat(n.readAt()).contains(T0.plusSeconds(10)));
        assertThat(ids(notifications.list(recipient, true, PageRequest.first(10))))
                .containsExactly(id(2));
    }

    @Test
    void theUnreadCountFollowsNewAndReadNoticesOfTheRecipientOnly() {
        assertThat(notifications.unreadCount(recipient)).isZero();
        send(id(1), T0, Map.of());
        send(id(2), T0.plusSeconds(1), Map.of());
        nextIds.add(id(3));
        notifications.send(new Notice(UUID.randomUUID(), "appointment.reminder", Map.of(), T0));

        assertThat(notifications.unreadCount(recipient)).isEqualTo(2);
        notifications.markRead(id(1), recipient, T0.plusSeconds(5));
        assertThat(notifications.unreadCount(recipient)).isEqualTo(1);
    }

    @Test
    void aNewNoticeAndAFirstReadAreAnnouncedWhenTheirTransactionCommitsAndARolledBackOneNever()
            throws InterruptedException {
        listen();
        UUID rolledBack = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            nextIds.add(id(9));
            notifications.send(new Notice(rolledBack, "appointment.reminder", Map.of(), T0));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> send(id(1), T0, Map.of()));

        assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo(recipient.toString());

        notifications.markRead(id(1), recipient, T0.plusSeconds(1));
        notifications.markRead(id(1), recipient, T0.plusSeconds(2));
        nextIds.add(id(2));
        notifications.send(new Notice(other, "appointment.reminder", Map.of(), T0));

        // In commit order: the first read, then the other user's notice; the second read changed nothing.
        assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo(recipient.toString());
        assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo(other.toString());
        assertThat(announced).isEmpty();
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThatThrownBy(() -> notifications.list(recipient, false, new PageRequest(2, Optional.of("eHl6"))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("page.cursor-invalid");
    }

    private void listen() throws InterruptedException {
        InboxChanges recording = new InboxChanges() {
            @Override
            public void inboxChanged(UUID recipientUserId) {
                announced.add(recipientUserId.toString());
            }

            @Override
            public void resynchronise() {
                announced.add("resynchronise");
            }
        };
        listener = new PostgresInboxChangeListener(
                server::connect, () -> List.of(recording), Duration.ofMillis(100), "inbox-test");
        listener.start();
        assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();
    }

    private UUID send(UUID id, Instant at, Map<String, String> parameters) {
        nextIds.add(id);
        notifications.send(new Notice(recipient, "appointment.reminder", parameters, at));
        return id;
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static List<UUID> ids(Page<InAppNotificationView> page) {
        return page.items().stream().map(InAppNotificationView::id).toList();
    }
}
