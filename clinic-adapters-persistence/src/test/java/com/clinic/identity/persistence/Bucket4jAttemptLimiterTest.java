package com.clinic.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.application.port.AttemptLimiter.Limit;
import com.clinic.identity.application.port.AttemptLimiter.Take;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The shared budgets in PostgreSQL, and this instance's memory of refused keys in front of them: an
 * abuser retrying at once is refused without a round trip, and the memory never refuses what the
 * shared bucket would let through again.
 */
@ExtendWith(PostgresTestDatabase.class)
class Bucket4jAttemptLimiterTest {

    private static final Limit TWO_PER_QUARTER_HOUR = new Limit(2, Duration.ofMinutes(15));

    private final DataSource dataSource;

    Bucket4jAttemptLimiterTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts the connections the limiter takes: one per round trip to the shared store. */
    static final class CountingDataSource extends DelegatingDataSource {

        final AtomicInteger connections = new AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return super.getConnection();
        }
    }

    @Test
    void aRefusedKeyIsRefusedAgainFromMemoryWithoutAskingPostgres() {
        CountingDataSource counted = new CountingDataSource(dataSource);
        Bucket4jAttemptLimiter limiter = new Bucket4jAttemptLimiter(counted);
        String key = "test:client:" + UUID.randomUUID();
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        Take refused = limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        int roundTrips = counted.connections.get();

        Take again = limiter.tryTake(key, TWO_PER_QUARTER_HOUR);

        assertThat(refused.taken()).isFalse();
        assertThat(again.taken()).isFalse();
        assertThat(again.retryAfter()).isPositive().isLessThanOrEqualTo(refused.retryAfter());
        assertThat(counted.connections.get()).as("round trips for the repeat").isEqualTo(roundTrips);
    }

    @Test
    void aGivenBackAttemptEndsTheMemoryAtOnce() {
        Bucket4jAttemptLimiter limiter = new Bucket4jAttemptLimiter(dataSource);
        String key = "test:client:" + UUID.randomUUID();
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isFalse();

        limiter.giveBack(key, TWO_PER_QUARTER_HOUR);

        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isTrue();
    }

    @Test
    void anotherInstanceSeesTheSharedCountThroughPostgres() {
        Bucket4jAttemptLimiter one = new Bucket4jAttemptLimiter(dataSource);
        Bucket4jAttemptLimiter other = new Bucket4jAttemptLimiter(dataSource);
        String key = "test:client:" + UUID.randomUUID();
        assertThat(one.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isTrue();
        assertThat(one.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isTrue();

        assertThat(other.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isFalse();
    }

    @Test
    void forgettingAKeyClearsItFromMemoryToo() {
        Bucket4jAttemptLimiter limiter = new Bucket4jAttemptLimiter(dataSource);
        String part = UUID.randomUUID().toString();
        String key = "test:login:" + part;
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isFalse();

        limiter.forgetEveryKeyNaming(part);

        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isTrue();
    }

    @Test
    void aRefilledKeyHasItsWholeBudgetAgainAndNoRememberedRefusal() {
        Bucket4jAttemptLimiter limiter = new Bucket4jAttemptLimiter(dataSource);
        String key = "test:login:" + UUID.randomUUID();
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        assertThat(limiter.knownRefusal(key, TWO_PER_QUARTER_HOUR)).isPresent();

        limiter.refill(key, TWO_PER_QUARTER_HOUR);

        assertThat(limiter.knownRefusal(key, TWO_PER_QUARTER_HOUR)).isEmpty();
        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isTrue();
        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isTrue();
        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isFalse();
    }

    @Test
    void aChangedLimitCountsInABucketOfItsOwn() {
        Bucket4jAttemptLimiter limiter = new Bucket4jAttemptLimiter(dataSource);
        String key = "test:client:" + UUID.randomUUID();
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        limiter.tryTake(key, TWO_PER_QUARTER_HOUR);
        assertThat(limiter.tryTake(key, TWO_PER_QUARTER_HOUR).taken()).isFalse();

        Take underNewSetting = limiter.tryTake(key, new Limit(5, Duration.ofMinutes(15)));

        assertThat(underNewSetting.taken()).isTrue();
        assertThat(underNewSetting.remaining()).isEqualTo(4);
    }
}
