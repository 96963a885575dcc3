package com.clinic.identity.bootstrap;

import com.clinic.identity.application.BootstrapAdministrator;
import com.clinic.identity.application.IdentitySettings;
import com.clinic.identity.application.port.AttemptLimiter.Limit;
import com.clinic.platform.domain.Rejection;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's settings, and the first administrator of a fresh installation. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    IdentitySettings identitySettings(IdentityProperties properties) {
        IdentityProperties.LoginThrottle login = properties.loginThrottle();
        IdentityProperties.RegistrationThrottle registration = properties.registrationThrottle();
        return new IdentitySettings(
                properties.activationTokenTtl(),
                properties.refreshTokenTtl(),
                new IdentitySettings.SignInLimits(
                        new Limit(login.maxFailuresPerAccountAndClient(), login.window()),
                        new Limit(login.maxFailuresPerAccount(), login.window()),
                        new Limit(login.maxFailuresPerClient(), login.window())),
                new IdentitySettings.RegistrationLimits(
                        new Limit(registration.maxPerClient(), registration.window()),
                        new Limit(registration.maxPerLogin(), registration.window())),
                new IdentitySettings.PasswordReset(
                        properties.passwordReset().linkTtl(),
                        new Limit(
                                properties.passwordReset().maxPerClient(),
                                properties.passwordReset().window()),
                        new Limit(
                                properties.passwordReset().maxPerLogin(),
                                properties.passwordReset().window())),
                new IdentitySettings.PasswordHashing(
                        properties.passwordHashing().concurrency(),
                        properties.passwordHashing().queue(),
                        properties.passwordHashing().maxWait()),
                new IdentitySettings.SessionCache(
                        properties.sessionCache().maxStaleness(),
                        properties.sessionCache().maximumSize(),
                        properties.sessionCache().listenPollTimeout()),
                properties.refusedClientDelay());
    }

    /**
     * Runs after the context (and Axon) started. Idempotent; several instances starting together
     * race on the e-mail's unique index, and the losers find the account already there.
     */
    @Bean
    ApplicationRunner createBootstrapAdministrator(
            IdentityProperties properties, BootstrapAdministrator administrator) {
        return arguments -> {
            IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
            if (admin.isConfigured()) {
                try {
                    administrator.ensure(admin.email(), admin.password());
                } catch (Rejection rejected) {
                    throw new IllegalStateException(
                            "clinic.identity.bootstrap-admin is unusable (" + rejected.code()
                                    + "): set a valid e-mail and a password of at least 10 characters mixing letters"
                                    + " with digits or symbols",
                            rejected);
                }
            }
        };
    }
}
