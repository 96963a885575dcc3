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
 */
@Validated
@ConfigurationProperties("clinic.identity")
record IdentityProperties(
        @DefaultValue("72h") Duration activationTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue @Valid LoginThrottle loginThrottle,
        @DefaultValue @Valid RegistrationThrottle registrationThrottle,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue @Valid PasswordHashing passwordHashing,
        @DefaultValue @Valid SessionCache sessionCache,
        @DefaultValue("1s") Duration refusedClientDelay) {

    /** Argon2's threads of their own (0: half the cores), its queue, and the longest wait to start (ADR 0013). */
    record PasswordHashing(
            @DefaultValue("0") @PositiveOrZero int concurrency,
            @DefaultValue("64") @Positive int queue,
            @DefaultValue("5s") Duration maxWait) {}

    /** The access check's cache (ADR 0014): staleness bound for a lost notification, size, listener poll. */
    record SessionCache(
            @DefaultValue("15s") Duration maxStaleness,
            @DefaultValue("100000") @Positive long maximumSize,
            @DefaultValue("1s") Duration listenPollTimeout) {}

    /** Failed sign-ins allowed per {@code window} (ADR 0013). */
    record LoginThrottle(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") @Positive int maxFailuresPerAccountAndClient,
            @DefaultValue("100") @Positive int maxFailuresPerAccount,
            @DefaultValue("20") @Positive int maxFailuresPerClient) {}

    /** Self-registrations allowed per {@code window}, successful or not. */
    record RegistrationThrottle(
            @DefaultValue("1h") Duration window,
            @DefaultValue("10") @Positive int maxPerClient,
            @DefaultValue("3") @Positive int maxPerLogin) {}

    record BootstrapAdmin(String email, String password) {

        boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
