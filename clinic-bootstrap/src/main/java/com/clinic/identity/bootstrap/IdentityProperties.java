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
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    record LoginThrottle(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("20") int maxFailuresPerClient) {}

    record BootstrapAdmin(String email, String password) {

        boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }
}
