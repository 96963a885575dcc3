package com.clinic.identity.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.identity.*} (the {@code jwt} keys are bound separately by the external adapter).
 * The bootstrap administrator is created only when both its e-mail and password are set.
 */
@ConfigurationProperties("clinic.identity")
record IdentityProperties(
        @DefaultValue("72h") Duration activationTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue RegistrationThrottle registrationThrottle,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /** Failed sign-ins allowed per {@code window} (ADR 0013). */
    record LoginThrottle(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") int maxFailuresPerAccountAndClient,
            @DefaultValue("100") int maxFailuresPerAccount,
            @DefaultValue("20") int maxFailuresPerClient) {}

    /** Self-registrations allowed per {@code window}, successful or not. */
    record RegistrationThrottle(
            @DefaultValue("1h") Duration window,
            @DefaultValue("10") int maxPerClient,
            @DefaultValue("3") int maxPerLogin) {}

    record BootstrapAdmin(String email, String password) {

        boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
