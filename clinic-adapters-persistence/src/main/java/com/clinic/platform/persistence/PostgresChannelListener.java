package com.clinic.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every application instance runs one of these per channel: a dedicated (unpooled) PostgreSQL
 * connection that {@code LISTEN}s on the channel and hands each payload to a local receiver,
 * whichever instance's transaction sent the {@code NOTIFY}. A lost connection is reopened with
 * growing back-off; since notifications sent meanwhile are lost, the receiver is then told to
 * resynchronise everything.
 */
public class PostgresChannelListener implements SmartLifecycle {

    /** One source of connections for LISTEN: opened for this listener alone and kept open. */
    @FunctionalInterface
    public interface ListenConnections {
        Connection open() throws SQLException;
    }

    /** What the listener delivers, on its own thread. */
    public interface Receiver {
        void received(String payload);

        /** Notifications may have been lost while the connection was down. */
        void resynchronise();
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresChannelListener.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(15);
    /** A silently dropped connection raises no error while only waiting: probe it when idle this long. */
    private static final Duration PROBE_WHEN_IDLE = Duration.ofSeconds(30);

    private final ListenConnections connections;
    private final String channel;
    private final Receiver receiver;
    private final Duration pollTimeout;
    private final String name;

    private volatile boolean running;
    private volatile Thread worker;
    private volatile Connection current;
    private volatile int backendPid;
    private volatile CountDownLatch listening = new CountDownLatch(1);

    /** {@code channel} must be a plain SQL identifier: LISTEN takes no bind parameter. */
    public PostgresChannelListener(
            ListenConnections connections, String channel, Receiver receiver, Duration pollTimeout, String name) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.connections = connections;
        this.channel = channel;
        this.receiver = receiver;
        this.pollTimeout = pollTimeout;
        this.name = name;
    }

    @Override
    public final synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    @Override
    public final synchronized void stop() {
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
                    statement.execute("LISTEN " + channel);
                    try (var pid = statement.executeQuery("select pg_backend_pid()")) {
                        backendPid = pid.next() ? pid.getInt(1) : 0;
                    }
                }
                listening.countDown();
                retry = FIRST_RETRY;
                if (reconnecting) {
                    log.info("Listening on {} again", channel);
                    deliver(receiver::resynchronise);
                }
                receive(connection);
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    break;
                }
                listening = new CountDownLatch(1);
                reconnecting = true;
                log.warn("Listener on {} lost its connection ({}); retrying in {}", channel, failure.toString(), retry);
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
                    deliver(() -> receiver.received(notification.getParameter()));
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

    private void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException failure) {
            // A failing receiver must not stop the listening.
            log.error("Receiver of {} failed", channel, failure);
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
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
