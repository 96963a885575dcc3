package com.clinic.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * LISTEN on a connection of its own: what a committed NOTIFY on the channel carries reaches the
 * receiver, nothing else does, and a lost connection is reopened and followed by a resynchronisation.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresChannelListenerTest {

    private static final String CHANNEL = "listener_test";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DSLContext db;
    private final PostgresTestDatabase.Server server;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> resynchronised = new LinkedBlockingQueue<>();
    private PostgresChannelListener listener;

    PostgresChannelListenerTest(DSLContext db, PostgresTestDatabase.Server server) {
        this.db = db;
        this.server = server;
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    @Test
    void aCommittedNotificationOnTheChannelReachesTheReceiverWithItsPayload() throws InterruptedException {
        listen(recording());

        notify(CHANNEL, "queue-42");

        assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("queue-42");
    }

    @Test
    void notificationsOnOtherChannelsAndFromRolledBackTransactionsNeverArrive(TransactionTemplate transactions)
            throws InterruptedException {
        listen(recording());

        notify("some_other_channel", "not for us");
        transactions.executeWithoutResult(status -> {
            notify(CHANNEL, "rolled back");
            status.setRollbackOnly();
        });
        notify(CHANNEL, "committed");

        // PostgreSQL delivers in commit order: anything wrongly delivered would have come first.
        assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("committed");
    }

    @Test
    void aReceiverThatFailsDoesNotStopTheListening() throws InterruptedException {
        AtomicBoolean failedOnce = new AtomicBoolean();
        listen(new PostgresChannelListener.Receiver() {
            @Override
            public void received(String payload) {
                if (failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("the receiver broke on " + payload);
                }
                received.add(payload);
            }

            @Override
            public void resynchronise() {}
        });

        notify(CHANNEL, "first");
        notify(CHANNEL, "second");

        assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("second");
        assertThat(failedOnce).isTrue();
    }

    @Test
    void aKilledConnectionIsReopenedAndTheReceiverToldToResynchronise() throws InterruptedException {
        listen(recording());
        int firstBackend = listener.backendPid();

        db.execute("select pg_terminate_backend(?)", firstBackend);

        assertThat(resynchronised.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("resynchronise");
        assertThat(listener.awaitListening(WAIT)).isTrue();
        assertThat(listener.backendPid()).isNotEqualTo(firstBackend);
        notify(CHANNEL, "after the reconnect");
        assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after the reconnect");
    }

    @Test
    void aChannelThatIsNotAPlainIdentifierIsRefusedBeforeAnyListening() {
        assertThatThrownBy(() -> new PostgresChannelListener(
                        server::connect, "queue; DROP TABLE x", recording(), Duration.ofMillis(100), "bad"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PostgresChannelListener.Receiver recording() {
        return new PostgresChannelListener.Receiver() {
            @Override
            public void received(String payload) {
                received.add(payload);
            }

            @Override
            public void resynchronise() {
                resynchronised.add("resynchronise");
            }
        };
    }

    private void listen(PostgresChannelListener.Receiver receiver) throws InterruptedException {
        listener = new PostgresChannelListener(server::connect, CHANNEL, receiver, Duration.ofMillis(100), "test");
        listener.start();
        assertThat(listener.awaitListening(WAIT)).isTrue();
    }

    private void notify(String channel, String payload) {
        db.execute("select pg_notify(?, ?)", channel, payload);
    }
}
