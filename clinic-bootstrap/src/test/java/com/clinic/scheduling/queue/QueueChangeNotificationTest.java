package com.clinic.scheduling.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.application.queue.port.QueueChangeSubscriber;
import com.clinic.scheduling.domain.queue.QueueCommand.IssueWalkInTicket;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.persistence.queue.PostgresQueueChangeListener;
import com.clinic.support.IntegrationTest;
import com.clinic.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cross-instance path for real: listeners on separate PostgreSQL connections stand in for
 * separate application instances. A queue change committed through one instance's projection must
 * reach every listener; a NOTIFY from any other connection too; and a listener whose connection is
 * killed must reconnect, resynchronise and go on receiving.
 */
@IntegrationTest
class QueueChangeNotificationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    PostgresQueueChangeListener applicationListener;

    private final Recorder first = new Recorder();
    private final Recorder second = new Recorder();
    private PostgresQueueChangeListener firstInstance;
    private PostgresQueueChangeListener secondInstance;

    @BeforeEach
    void startTwoMoreInstances() throws InterruptedException {
        firstInstance = listener(first, "test-instance-1");
        secondInstance = listener(second, "test-instance-2");
        assertThat(applicationListener.awaitListening(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stopThem() {
        firstInstance.stop();
        secondInstance.stop();
    }

    @Test
    void aCommittedQueueChangeReachesEveryInstance() {
        QueueKey key = new QueueKey(UUID.randomUUID(), UUID.randomUUID(), LocalDate.now(java.time.ZoneOffset.UTC));
        UUID queueId = QueueIds.of(key);

        commands.sendAndWait(new IssueWalkInTicket(
                queueId, key, UUID.randomUUID(), Optional.empty(), UUID.randomUUID(), Instant.now()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(first.changed).contains(queueId);
            assertThat(second.changed).contains(queueId);
        });
        assertThat(firstInstance.backendPid()).isNotEqualTo(secondInstance.backendPid());
    }

    @Test
    void aNotifyFromAnotherConnectionIsDeliveredAndJunkPayloadsAreIgnored() throws SQLException {
        UUID queueId = UUID.randomUUID();

        try (Connection other = connect();
                Statement statement = other.createStatement()) {
            statement.execute("NOTIFY queue_changed, 'not-a-queue-id'");
            statement.execute("NOTIFY queue_changed, '" + queueId + "'");
        }

        // The junk came first on the same connection: the listener survived it and went on.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(first.changed).contains(queueId);
            assertThat(second.changed).contains(queueId);
        });
    }

    @Test
    void aNotifyInATransactionThatRollsBackIsNeverDelivered() throws SQLException {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();

        try (Connection other = connect()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("select pg_notify('queue_changed', '" + rolledBack + "')");
            }
            other.rollback();
            try (Statement statement = other.createStatement()) {
                statement.execute("select pg_notify('queue_changed', '" + committed + "')");
            }
            other.commit();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(first.changed).contains(committed));
        assertThat(first.changed).doesNotContain(rolledBack);
    }

    @Test
    void aListenerWhoseConnectionDiesReconnectsResynchronisesAndKeepsReceiving() throws Exception {
        int killedPid = firstInstance.backendPid();
        try (Connection other = connect();
                Statement statement = other.createStatement()) {
            statement.execute("select pg_terminate_backend(" + killedPid + ")");
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(first.resynchronisations.get()).isEqualTo(1);
            assertThat(firstInstance.backendPid()).isNotEqualTo(killedPid);
        });
        UUID queueId = UUID.randomUUID();
        try (Connection other = connect();
                Statement statement = other.createStatement()) {
            statement.execute("NOTIFY queue_changed, '" + queueId + "'");
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(first.changed).contains(queueId));
        assertThat(second.resynchronisations.get()).isZero();
    }

    private static PostgresQueueChangeListener listener(Recorder recorder, String name) throws InterruptedException {
        PostgresQueueChangeListener listener = new PostgresQueueChangeListener(
                QueueChangeNotificationTest::connect, () -> List.of(recorder), Duration.ofMillis(200), name);
        listener.start();
        assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();
        return listener;
    }

    private static Connection connect() throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static final class Recorder implements QueueChangeSubscriber {
        final ConcurrentLinkedQueue<UUID> changed = new ConcurrentLinkedQueue<>();
        final AtomicInteger resynchronisations = new AtomicInteger();

        @Override
        public void queueChanged(UUID queueId) {
            changed.add(queueId);
        }

        @Override
        public void resynchronise() {
            resynchronisations.incrementAndGet();
        }
    }
}
