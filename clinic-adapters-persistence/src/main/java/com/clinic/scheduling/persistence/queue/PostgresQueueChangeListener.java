package com.clinic.scheduling.persistence.queue;

import com.clinic.scheduling.application.queue.port.QueueChangeSubscriber;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every application instance runs one of these: a dedicated (unpooled) PostgreSQL connection that
 * {@code LISTEN}s on {@value #CHANNEL} and hands each changed queue id to the local subscribers,
 * whichever instance's transaction sent the {@code NOTIFY}. A lost connection is reopened with
 * growing back-off; since notifications sent meanwhile are lost, subscribers are then told to
 * resynchronise everything.
 */
public final class PostgresQueueChangeListener implements SmartLifecycle {

    /** The channel the queue board projection notifies on; the payload is the queue id. */
    public static final String CHANNEL = "queue_changed";

    /** One source of connections for LISTEN: opened for this listener alone and kept open. */
    @FunctionalInterface
    public interface ListenConnections {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresQueueChangeListener.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(15);
    /** A silently dropped connection raises no error while only waiting: probe it when idle this long. */
    private static final Duration PROBE_WHEN_IDLE = Duration.ofSeconds(30);

    private final ListenConnections connections;
    private final Supplier<List<QueueChangeSubscriber>> subscribers;
    private final Duration pollTimeout;
    private final String name;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile Connection current;
    private volatile int backendPid;
    private volatile CountDownLatch listening = new CountDownLatch(1);

    public PostgresQueueChangeListener(
            ListenConnections connections,
            Supplier<List<QueueChangeSubscriber>> subscribers,
            Duration pollTimeout,
            String name) {
        this.connections = connections;
        this.subscribers = subscribers;
        this.pollTimeout = pollTimeout;
        this.name = name;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly(current);
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Waits until the listener has an open connection with LISTEN in force (for start-up and tests). */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server process of the current listening connection (0 before the first connect). */
    public int backendPid() {
        return backendPid;
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = connections.open()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    try (var pid = statement.executeQuery("select pg_backend_pid()")) {
                        backendPid = pid.next() ? pid.getInt(1) : 0;
                    }
                }
                listening.countDown();
                retry = FIRST_RETRY;
                if (reconnecting) {
                    log.info("Listening for queue changes again");
                    forEachSubscriber(QueueChangeSubscriber::resynchronise);
                }
                receive(connection);
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    break;
                }
                listening = new CountDownLatch(1);
                reconnecting = true;
                log.warn("Queue change listener lost its connection ({}); retrying in {}", failure.toString(), retry);
                if (!pause(retry)) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                current = null;
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int timeout = (int) pollTimeout.toMillis();
        long lastHeard = System.nanoTime();
        while (running) {
            // Blocks up to the timeout; throws when the connection is gone, which reconnects.
            PGNotification[] notifications = postgres.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    dispatch(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > PROBE_WHEN_IDLE.toNanos()) {
                try (Statement probe = connection.createStatement()) {
                    probe.setQueryTimeout(10);
                    probe.execute("select 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void dispatch(String payload) {
        UUID queueId;
        try {
            queueId = UUID.fromString(payload);
        } catch (IllegalArgumentException notAQueue) {
            log.warn("Ignoring a queue change notification that is not a queue id: {}", payload);
            return;
        }
        forEachSubscriber(subscriber -> subscriber.queueChanged(queueId));
    }

    private void forEachSubscriber(java.util.function.Consumer<QueueChangeSubscriber> action) {
        for (QueueChangeSubscriber subscriber : subscribers.get()) {
            try {
                action.accept(subscriber);
            } catch (RuntimeException failure) {
                // One failing subscriber must not stop the others, nor the listening.
                log.error("Queue change subscriber {} failed", subscriber, failure);
            }
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing only to unblock the listening thread; it reports its own failures.
        }
    }

    @Override
    public String toString() {
        return "PostgresQueueChangeListener[" + name + "]";
    }
}
