package com.clinic.identity.persistence;

import com.clinic.identity.application.port.AttemptLimiter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bucket4j token buckets in PostgreSQL (table {@code rate_limit_bucket}, ADR 0013). Each take locks
 * the key's row ({@code SELECT ... FOR UPDATE}) in a short transaction of its own, on its own
 * connection, so it commits even when the caller's work fails, and every instance sees one count.
 *
 * <p>A refused key is also remembered in this instance until its bucket has an attempt again: an
 * abuser retrying at once is refused from memory, without a round trip to PostgreSQL (under 50
 * abusive clients those round trips were what kept both cores busy, bench/findings.md #10). The
 * memory can only refuse what the shared bucket would refuse too: it ends when the bucket refills,
 * and a returned or restored attempt clears it at once.
 */
@Repository
class Bucket4jAttemptLimiter implements AttemptLimiter {

    /** Forgotten buckets (full again) are deleted in batches, every so many takes, by whoever takes. */
    private static final int CLEAN_EVERY = 200;

    private static final int CLEAN_BATCH = 500;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final AtomicLong takes = new AtomicLong();

    /** Bucket id to the {@link System#nanoTime()} its next attempt is back; bounded, so a flood of keys cannot grow it. */
    private final Cache<String, Long> refusedUntil = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Long>creating(
                    (id, until) -> Duration.ofNanos(Math.max(0, until - System.nanoTime()))))
            .build();

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
        String id = id(key, limit);
        Optional<Duration> known = knownRefusal(id);
        if (known.isPresent()) {
            return Take.refused(known.get());
        }
        ConsumptionProbe probe = bucket(id, limit).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Take.taken(probe.getRemainingTokens());
        }
        refusedUntil.put(id, System.nanoTime() + probe.getNanosToWaitForRefill());
        return Take.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public Optional<Duration> knownRefusal(String key, Limit limit) {
        return knownRefusal(id(key, limit));
    }

    private Optional<Duration> knownRefusal(String id) {
        Long until = refusedUntil.getIfPresent(id);
        long wait = until == null ? 0 : until - System.nanoTime();
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    @Override
    public void giveBack(String key, Limit limit) {
        String id = id(key, limit);
        bucket(id, limit).addTokens(1);
        refusedUntil.invalidate(id);
    }

    @Override
    public void refill(String key, Limit limit) {
        String id = id(key, limit);
        bucket(id, limit).reset();
        refusedUntil.invalidate(id);
    }

    @Override
    public void forgetEveryKeyNaming(String part) {
        // strpos, not LIKE: a blind index may hold characters LIKE reads as wildcards.
        jdbc.update("DELETE FROM rate_limit_bucket WHERE strpos(id, ?) > 0", part);
        refusedUntil.asMap().keySet().removeIf(id -> id.contains(part));
    }

    /**
     * The limit is part of the key: a changed setting starts fresh buckets instead of meeting state
     * stored under the old configuration.
     */
    private static String id(String key, Limit limit) {
        return key + "|" + limit.attempts() + "/" + limit.period().toSeconds();
    }

    private BucketProxy bucket(String id, Limit limit) {
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
