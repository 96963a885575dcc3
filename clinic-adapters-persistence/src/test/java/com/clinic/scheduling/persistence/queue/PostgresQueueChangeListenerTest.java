package com.clinic.scheduling.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.queue.port.QueueChangeSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Queue changes notified by any instance's transaction reach every local subscriber. */
@ExtendWith(PostgresTestDatabase.class)
class PostgresQueueChangeListenerTest {

    private final DSLContext db;
    private final PostgresTestDatabase.Server server;
    private final BlockingQueue<String> first = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> second = new LinkedBlockingQueue<>();
    private PostgresQueueChangeListener listener;

    PostgresQueueChangeListenerTest(DSLContext db, PostgresTestDatabase.Server server) {
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
    void aChangedQueueReachesEverySubscriberEvenWhenAnotherOneFails() throws InterruptedException {
        listen(List.of(failing(), recording(first), recording(second)));
        UUID queue = UUID.randomUUID();

        db.execute("select pg_notify(?, ?)", PostgresQueueChangeListener.CHANNEL, queue.toString());

        assertThat(first.poll(10, TimeUnit.SECONDS)).isEqualTo(queue.toString());
        assertThat(second.poll(10, TimeUnit.SECONDS)).isEqualTo(queue.toString());
    }

    @Test
    void aPayloadThatIsNoQueueIdIsIgnored() throws InterruptedException {
        listen(List.of(recording(first)));
        UUID queue = UUID.randomUUID();

        db.execute("select pg_notify(?, ?)", PostgresQueueChangeListener.CHANNEL, "not-a-queue");
        db.execute("select pg_notify(?, ?)", PostgresQueueChangeListener.CHANNEL, queue.toString());

        assertThat(first.poll(10, TimeUnit.SECONDS)).isEqualTo(queue.toString());
    }

    @Test
    void afterALostConnectionEverySubscriberResynchronises() throws InterruptedException {
        listen(List.of(failing(), recording(first), recording(second)));

        db.execute("select pg_terminate_backend(?)", listener.backendPid());

        assertThat(first.poll(10, TimeUnit.SECONDS)).isEqualTo("resynchronise");
        assertThat(second.poll(10, TimeUnit.SECONDS)).isEqualTo("resynchronise");
    }

    private void listen(List<QueueChangeSubscriber> subscribers) throws InterruptedException {
        listener = new PostgresQueueChangeListener(server::connect, () -> subscribers, Duration.ofMillis(100), "test");
        listener.start();
        assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();
    }

    private static QueueChangeSubscriber recording(BlockingQueue<String> into) {
        return new QueueChangeSubscriber() {
            @Override
            public void queueChanged(UUID queueId) {
                into.add(queueId.toString());
            }

            @Override
            public void resynchronise() {
                into.add("resynchronise");
            }
        };
    }

    private static QueueChangeSubscriber failing() {
        return new QueueChangeSubscriber() {
            @Override
            public void queueChanged(UUID queueId) {
                throw new IllegalStateException("this subscriber is broken");
            }

            @Override
            public void resynchronise() {
                throw new IllegalStateException("this subscriber is broken");
            }
        };
    }
}
