package com.clinic.identity.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.identity.*} (the {@code jwt} keys are bound separately by the external adapter).
 * The bootstrap administrator is created only when both its e-mail and password are set.
 *
 * @param activationTokenTtl how long a staff member's one-time activation token stays valid
 * @param refreshTokenTtl how long a session lasts without a sign-in (each refresh rotates its token)
 * @param loginThrottle failed sign-ins allowed per window (ADR 0013)
 * @param registrationThrottle patients' self-registrations allowed per window
 * @param passwordReset how long a reset link works, and how often one may be asked for
 * @param bootstrapAdmin the first administrator, created at start when no account has the e-mail
 * @param passwordHashing the Argon2id hashing pool
 * @param sessionCache the access check's cache of sessions and accounts (ADR 0014)
 * @param refusedClientDelay a client that retries a refused sign-in before its Retry-After is answered
 *     the same from memory after this delay, no thread held
 */
@Validated
@ConfigurationProperties("clinic.identity")
record IdentityProperties(
        @DefaultValue("72h") Duration activationTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue @Valid LoginThrottle loginThrottle,
        @DefaultValue @Valid RegistrationThrottle registrationThrottle,
        @DefaultValue @Valid PasswordReset passwordReset,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue @Valid PasswordHashing passwordHashing,
        @DefaultValue @Valid SessionCache sessionCache,
        @DefaultValue("1s") Duration refusedClientDelay) {

    /**
     * Argon2's threads of their own, its queue, and the longest wait to start (ADR 0013).
     *
     * @param concurrency hashing threads (0: half the cores)
     * @param queue the longest queue of sign-ins waiting for a hash, most urgent first; the least urgent is refused when full
     * @param maxWait how long a hash may wait to start before 503
     */
    record PasswordHashing(
            @DefaultValue("0") @PositiveOrZero int concurrency,
            @DefaultValue("64") @Positive int queue,
            @DefaultValue("5s") Duration maxWait) {}

    /**
     * The access check's cache (ADR 0014).
     *
     * @param maxStaleness how long a revoked session or changed account may take to reach an instance
     *     whose notification was lost
     * @param maximumSize the most sessions and accounts kept
     * @param listenPollTimeout how often the listener connection looks for change notifications
     */
    record SessionCache(
            @DefaultValue("15s") Duration maxStaleness,
            @DefaultValue("100000") @Positive long maximumSize,
            @DefaultValue("1s") Duration listenPollTimeout) {}

    /**
     * Failed sign-ins allowed per {@code window} (ADR 0013); past one, 429 with Retry-After before any hash.
     *
     * @param window the sliding window the failures are counted in
     * @param maxFailuresPerAccount failures on one account from all clients together
     * @param maxFailuresPerAccountAndClient failures of one client on one account
     * @param maxFailuresPerClient failures of one client across accounts
     */
    record LoginThrottle(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") @Positive int maxFailuresPerAccountAndClient,
            @DefaultValue("100") @Positive int maxFailuresPerAccount,
            @DefaultValue("20") @Positive int maxFailuresPerClient) {}

    /**
     * Self-registrations allowed per {@code window}, successful or not.
     *
     * @param window the window they are counted in
     * @param maxPerClient registrations from one client address
     * @param maxPerLogin registrations naming one e-mail or phone
     */
    record RegistrationThrottle(
            @DefaultValue("1h") Duration window,
            @DefaultValue("10") @Positive int maxPerClient,
            @DefaultValue("3") @Positive int maxPerLogin) {}

    /**
     * Reset links asked for per {@code window}, whether the login belongs to an account or not.
     *
     * @param linkTtl how long a reset link works
     * @param window the window requests are counted in
     * @param maxPerClient requests from one client address
     * @param maxPerLogin requests naming one e-mail or phone
     */
    record PasswordReset(
            @DefaultValue("30m") Duration linkTtl,
            @DefaultValue("1h") Duration window,
            @DefaultValue("10") @Positive int maxPerClient,
            @DefaultValue("3") @Positive int maxPerLogin) {}

    /**
     * @param email the first administrator's e-mail (created with the password when both are set)
     * @param password the first administrator's password
     */
    record BootstrapAdmin(String email, String password) {

        boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
