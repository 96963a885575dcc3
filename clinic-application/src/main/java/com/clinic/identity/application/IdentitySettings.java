package com.clinic.identity.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the identity context, bound from {@code clinic.identity.*} by the bootstrap module.
 *
 * @param activationTokenTtl how long an invited staff member has to activate their account
 * @param refreshTokenTtl how long a refresh token stays usable (each rotation starts it anew)
 * @param throttleWindow the sliding window failed sign-ins are counted in
 * @param maxFailuresPerAccount failures within the window after which a login is refused
 * @param maxFailuresPerClient failures from one client address within the window, across logins
 */
public record IdentitySettings(
        Duration activationTokenTtl,
        Duration refreshTokenTtl,
        Duration throttleWindow,
        int maxFailuresPerAccount,
        int maxFailuresPerClient) {

    public IdentitySettings {
        Objects.requireNonNull(activationTokenTtl, "activationTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(throttleWindow, "throttleWindow");
        if (maxFailuresPerAccount < 1 || maxFailuresPerClient < 1) {
            throw new IllegalArgumentException("Throttle limits must be positive");
        }
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofHours(72), Duration.ofDays(14), Duration.ofMinutes(15), 5, 20);
    }
}
