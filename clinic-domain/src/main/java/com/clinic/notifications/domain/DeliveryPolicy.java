package com.clinic.notifications.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How hard one channel is tried: up to {@code maxAttempts} calls, waiting {@code baseDelay} doubled
 * after each failure (never more than {@code maxDelay}), with equal jitter so that a provider
 * outage does not bring every retry back in the same second.
 */
public record DeliveryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public DeliveryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("0 < baseDelay <= maxDelay");
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based): half the exponential delay
     * plus {@code jitter} (in [0, 1)) of the other half; at least what the provider asked for.
     */
    public Duration retryDelay(int attempt, double jitter, Optional<Duration> retryAfter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        long base = baseDelay.toMillis();
        long exponential = attempt >= 31 ? Long.MAX_VALUE : base << Math.max(0, attempt - 1);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxDelay.toMillis());
        long half = capped / 2;
        Duration delay = Duration.ofMillis(half + (long) (jitter * (capped - half)));
        return retryAfter.filter(asked -> asked.compareTo(delay) > 0).orElse(delay);
    }
}
