package com.clinic.platform.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The readiness check of the database ({@code db}), answered within {@code timeout} whatever the
 * database does. Boot's own check waits for a pooled connection as long as the pool lets it (3 s),
 * longer than a probe's timeout (1 s by default in Kubernetes): during an outage the probe timed
 * out instead of reading DOWN, and during a burst a busy pool looked like a dead database. Here a
 * check that has no answer in time is DOWN, with the reason; checks arriving while one is still
 * running share it, so probes cannot pile up threads or connections during an outage.
 */
final class BoundedDatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("database-health").factory());
    private final AtomicReference<CompletableFuture<Health>> inFlight = new AtomicReference<>();

    BoundedDatabaseHealthIndicator(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check = inFlight.updateAndGet(running ->
                running != null && !running.isDone() ? running : CompletableFuture.supplyAsync(this::check, checks));
        try {
            return check.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("reason", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("reason", e.getCause().getClass().getSimpleName())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private Health check() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid((int) Math.max(1, timeout.toSeconds()));
            return valid
                    ? Health.up()
                            .withDetail("database", connection.getMetaData().getDatabaseProductName())
                            .build()
                    : Health.down().withDetail("reason", "connection not valid").build();
        } catch (SQLException e) {
            return Health.down()
                    .withDetail("reason", e.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
