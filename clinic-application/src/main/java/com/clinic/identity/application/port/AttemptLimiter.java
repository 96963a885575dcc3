package com.clinic.identity.application.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: budgets of attempts per key (a token bucket each), kept in a store every application
 * instance shares. Taking an attempt is atomic: of many parallel takes on a key's last attempt,
 * exactly one succeeds, so the check and the record of an attempt can never be split by a race.
 */
public interface AttemptLimiter {

    /**
     * At most {@code attempts} per {@code period}; a used attempt comes back gradually over the
     * period (greedy refill), so an idle key is back to the full budget after one period.
     */
    record Limit(int attempts, Duration period) {

        public Limit {
            Objects.requireNonNull(period, "period");
            if (attempts < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A limit needs at least one attempt in a positive period");
            }
        }
    }

    /**
     * The outcome of a take: either taken, with the attempts still left, or refused, with how long
     * until the next attempt is back.
     */
    record Take(boolean taken, long remaining, Duration retryAfter) {

        public static Take taken(long remaining) {
            return new Take(true, remaining, Duration.ZERO);
        }

        public static Take refused(Duration retryAfter) {
            return new Take(false, 0, retryAfter);
        }
    }

    Take tryTake(String key, Limit limit);

    /**
     * How long the key is still refused, as far as this instance already knows from its own
     * refusals, without asking the shared store: empty when it knows of none.
     */
    Optional<Duration> knownRefusal(String key, Limit limit);

    /** Returns an attempt taken by {@link #tryTake} (never beyond the budget). */
    void giveBack(String key, Limit limit);

    /** Restores the key's whole budget. */
    void refill(String key, Limit limit);

    /**
     * Deletes every budget whose key contains {@code part} (a login's blind index, when its owner is
     * erased): an erased person leaves no key that a guessed login could be matched against.
     */
    void forgetEveryKeyNaming(String part);
}
