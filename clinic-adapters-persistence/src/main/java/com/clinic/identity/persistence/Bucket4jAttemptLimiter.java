package com.clinic.identity.persistence;

import com.clinic.identity.application.port.AttemptLimiter;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bucket4j token buckets in PostgreSQL (table {@code rate_limit_bucket}, ADR 0013). Each take locks
 * the key's row ({@code SELECT ... FOR UPDATE}) in a short transaction of its own, on its own
 * connection, so it commits even when the caller's work fails, and every instance sees one count.
 */
@Repository
class Bucket4jAttemptLimiter implements AttemptLimiter {

    /** Forgotten buckets (full again) are deleted in batches, every so many takes, by whoever takes. */
    private static final int CLEAN_EVERY = 200;

    private static final int CLEAN_BATCH = 500;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final AtomicLong takes = new AtomicLong();

    private final JdbcTemplate jdbc;

    Bucket4jAttemptLimiter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A bucket is kept until it has refilled completely: after that it equals a new one.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public Take tryTake(String key, Limit limit) {
        if (takes.incrementAndGet() % CLEAN_EVERY == 0) {
            buckets.removeExpired(CLEAN_BATCH);
        }
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Take.taken(probe.getRemainingTokens())
                : Take.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(String key, Limit limit) {
        bucket(key, limit).addTokens(1);
    }

    @Override
    public void refill(String key, Limit limit) {
        bucket(key, limit).reset();
    }

    @Override
    public void forgetEveryKeyNaming(String part) {
        // strpos, not LIKE: a blind index may hold characters LIKE reads as wildcards.
        jdbc.update("DELETE FROM rate_limit_bucket WHERE strpos(id, ?) > 0", part);
    }

    /**
     * The limit is part of the key: a changed setting starts fresh buckets instead of meeting state
     * stored under the old configuration.
     */
    private BucketProxy bucket(String key, Limit limit) {
        String id = key + "|" + limit.attempts() + "/" + limit.period().toSeconds();
        return buckets.builder().build(id, () -> configuration(limit));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder()
                        .capacity(limit.attempts())
                        .refillGreedy(limit.attempts(), limit.period())
                        .build())
                .build();
    }
}
