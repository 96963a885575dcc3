package com.clinic.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A database that does not answer makes readiness DOWN within the check's bound, not after the pool's wait. */
class BoundedDatabaseHealthIndicatorTest {

    /** Hangs every connection request until released, as a pool does while the database is unreachable. */
    static final class HangingDataSource implements DataSource {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            requests.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("Connection is not available, request timed out", "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithinTheBoundAndProbesShareOneCheck() throws Exception {
        HangingDataSource hanging = new HangingDataSource();
        BoundedDatabaseHealthIndicator indicator = new BoundedDatabaseHealthIndicator(hanging, Duration.ofMillis(200));
        try {
            // The connection request never returns before the finally block: an answer at all is the bound at work.
            Health first = indicator.health();
            Health second = indicator.health();

            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsEntry("reason", "no answer within 200 ms");
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
            assertThat(hanging.requests).hasValue(1);
        } finally {
            hanging.release.countDown();
            indicator.destroy();
        }
    }

    @Test
    void aRefusedConnectionIsDownWithItsKindButNoMessage() {
        HangingDataSource refusing = new HangingDataSource();
        refusing.release.countDown();
        BoundedDatabaseHealthIndicator indicator = new BoundedDatabaseHealthIndicator(refusing, Duration.ofSeconds(5));
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", "SQLException");
        } finally {
            indicator.destroy();
        }
    }
}
