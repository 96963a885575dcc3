package com.clinic.identity.application;

import com.clinic.identity.application.port.AttemptLimiter.Limit;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the identity context, bound from {@code clinic.identity.*} by the bootstrap module.
 *
 * @param activationTokenTtl how long an invited staff member has to activate their account
 * @param refreshTokenTtl how long a refresh token stays usable (each rotation starts it anew)
 * @param signIn the budgets of failed sign-ins
 * @param registration the budgets of patients' self-registrations
 * @param passwordReset how long a reset link works, and the budgets of asking for one
 * @param passwordHashing the Argon2 pool (ADR 0013)
 * @param sessionCache the access check's cache of sessions and accounts (ADR 0014)
 * @param refusedClientDelay how long an early retry of a refused client waits for its answer (ADR 0013)
 */
public record IdentitySettings(
        Duration activationTokenTtl,
        Duration refreshTokenTtl,
        SignInLimits signIn,
        RegistrationLimits registration,
        PasswordReset passwordReset,
        PasswordHashing passwordHashing,
        SessionCache sessionCache,
        Duration refusedClientDelay) {

    /**
     * @param concurrency threads of their own; 0 for half the cores
     * @param queue the longest queue of hashes waiting for a thread
     * @param maxWait how long a hash may wait to start before it is refused (503)
     */
    public record PasswordHashing(int concurrency, int queue, Duration maxWait) {

        public PasswordHashing {
            Objects.requireNonNull(maxWait, "maxWait");
            if (concurrency < 0 || queue < 1 || !maxWait.isPositive()) {
                throw new IllegalArgumentException(
                        "password hashing needs concurrency >= 0, a queue and a positive wait");
            }
        }
    }

    /**
     * @param maxStaleness the longest a revocation whose notification was lost goes unseen
     * @param maximumSize entries per cache (sessions, accounts)
     * @param listenPollTimeout how often the listener connection looks for notifications
     */
    public record SessionCache(Duration maxStaleness, long maximumSize, Duration listenPollTimeout) {

        public SessionCache {
            Objects.requireNonNull(maxStaleness, "maxStaleness");
            Objects.requireNonNull(listenPollTimeout, "listenPollTimeout");
            if (!maxStaleness.isPositive() || maximumSize < 1 || !listenPollTimeout.isPositive()) {
                throw new IllegalArgumentException(
                        "the session cache needs a positive staleness, size and poll timeout");
            }
        }
    }

    /**
     * Failed sign-ins allowed per period (ADR 0013).
     *
     * @param perAccountAndClient one client guessing one account's password: the tight limit, which
     *     locks out only that client, never the account's owner elsewhere
     * @param perAccount every client together on one account: far higher, so that an attacker cannot
     *     lock the owner out, yet a distributed guess is still stopped
     * @param perClient one client across every account: stops spraying many accounts
     */
    public record SignInLimits(Limit perAccountAndClient, Limit perAccount, Limit perClient) {

        public SignInLimits {
            Objects.requireNonNull(perAccountAndClient, "perAccountAndClient");
            Objects.requireNonNull(perAccount, "perAccount");
            Objects.requireNonNull(perClient, "perClient");
        }
    }

    /**
     * Self-registrations allowed per period, successful or not.
     *
     * @param perClient one client address
     * @param perLogin one e-mail address or phone number
     */
    public record RegistrationLimits(Limit perClient, Limit perLogin) {

        public RegistrationLimits {
            Objects.requireNonNull(perClient, "perClient");
            Objects.requireNonNull(perLogin, "perLogin");
        }
    }

    /**
     * Reset links asked for per period, whether an account has the login or not (so that the answer
     * never tells which logins exist).
     *
     * @param linkTtl how long a reset link works
     * @param perClient one client address
     * @param perLogin one e-mail address or phone number
     */
    public record PasswordReset(Duration linkTtl, Limit perClient, Limit perLogin) {

        public PasswordReset {
            Objects.requireNonNull(linkTtl, "linkTtl");
            Objects.requireNonNull(perClient, "perClient");
            Objects.requireNonNull(perLogin, "perLogin");
            if (!linkTtl.isPositive()) {
                throw new IllegalArgumentException("a reset link must work for a positive time");
            }
        }
    }

    public IdentitySettings {
        Objects.requireNonNull(activationTokenTtl, "activationTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(passwordReset, "passwordReset");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(sessionCache, "sessionCache");
        Objects.requireNonNull(refusedClientDelay, "refusedClientDelay");
        if (refusedClientDelay.isNegative()) {
            throw new IllegalArgumentException("refusedClientDelay must not be negative");
        }
    }

    public static IdentitySettings defaults() {
        Duration window = Duration.ofMinutes(15);
        Duration hour = Duration.ofHours(1);
        return new IdentitySettings(
                Duration.ofHours(72),
                Duration.ofDays(14),
                new SignInLimits(new Limit(5, window), new Limit(100, window), new Limit(20, window)),
                new RegistrationLimits(new Limit(10, hour), new Limit(3, hour)),
                new PasswordReset(Duration.ofMinutes(30), new Limit(10, hour), new Limit(3, hour)),
                new PasswordHashing(0, 64, Duration.ofSeconds(5)),
                new SessionCache(Duration.ofSeconds(15), 100_000, Duration.ofSeconds(1)),
                Duration.ofSeconds(1));
    }
}
