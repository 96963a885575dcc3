package com.clinic.notifications.external;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' rate limits as Bucket4j token buckets in PostgreSQL, one per provider, shared by
 * every instance: the sign-in limits' table and layout ({@code rate_limit_bucket}, Flyway V60, ADR
 * 0013), under keys of their own ({@code notifications.provider:<provider>|<rate>/s}). A take locks
 * the provider's row in a short transaction on a connection of its own: one round trip per message.
 *
 * <p>A refusal is remembered in this instance until the bucket has a token again, so a sender that
 * retries at once is answered from memory. That memory can only refuse what the shared bucket would
 * refuse too: nobody adds tokens to it but time.
 *
 * <p>The expiry strategy is the sign-in limits' own (a row may go once its bucket is full again), so
 * their periodic clean-up of expired rows deletes only rows that equal a new bucket.
 */
public final class ProviderRateLimits {

    static final String TABLE = "rate_limit_bucket";

    private static final Logger log = LoggerFactory.getLogger(ProviderRateLimits.class);

    /** When the bucket itself cannot be read: wait a little rather than send past the provider's limit. */
    static final Duration UNKNOWN_WAIT = Duration.ofSeconds(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    private final Clock clock;

    /**
     * @param clock the buckets' time, the same for every instance (a wall clock: the bucket's state is
     *     shared); refills are computed from it
     */
    public ProviderRateLimits(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanos(clock);
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }

    private static long nanos(Clock clock) {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    /**
     * A bucket of {@code messagesPerSecond} tokens, refilled at that rate: a burst of one second's
     * worth at most. The rate is part of the key, so a changed setting starts a fresh bucket instead
     * of meeting state stored under the old one.
     */
    public ProviderRateLimit perSecond(String provider, int messagesPerSecond) {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("a provider's rate must be at least 1 per second");
        }
        String id = "notifications.provider:" + provider + "|" + messagesPerSecond + "/s";
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder()
                        .capacity(messagesPerSecond)
                        .refillGreedy(messagesPerSecond, Duration.ofSeconds(1))
                        .build())
                .build();
        BucketProxy bucket = buckets.builder().build(id, () -> configuration);
        return new SharedBucket(provider, bucket, clock);
    }

    private static final class SharedBucket implements ProviderRateLimit {

        private final String provider;
        private final BucketProxy bucket;
        private final Clock clock;

        /** The clock's time (epoch nanoseconds) until which the bucket is known to be empty. */
        private final AtomicLong refusedUntil = new AtomicLong();

        SharedBucket(String provider, BucketProxy bucket, Clock clock) {
            this.provider = provider;
            this.bucket = bucket;
            this.clock = clock;
        }

        @Override
        public Optional<Duration> tryTake() {
            long now = nanos(clock);
            long known = refusedUntil.get() - now;
            if (known > 0) {
                return Optional.of(Duration.ofNanos(known));
            }
            ConsumptionProbe probe;
            try {
                probe = bucket.tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException unreadable) {
                log.warn("The rate limit of {} could not be read; not sending for now", provider, unreadable);
                return Optional.of(UNKNOWN_WAIT);
            }
            if (probe.isConsumed()) {
                return Optional.empty();
            }
            long wait = probe.getNanosToWaitForRefill();
            refusedUntil.accumulateAndGet(now + wait, Math::max);
            return Optional.of(Duration.ofNanos(wait));
        }
    }
}
