package com.clinic.identity.application;

import com.clinic.identity.application.port.LoginFailureStore;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Sliding-window limits on failed sign-ins, per login and per client address. Counting per login
 * stops guessing one account's password; counting per client stops spraying many accounts.
 */
@Component
class LoginThrottle {

    private final LoginFailureStore failures;
    private final IdentitySettings settings;

    LoginThrottle(LoginFailureStore failures, IdentitySettings settings) {
        this.failures = failures;
        this.settings = settings;
    }

    /** Throws {@link LoginThrottled} when either key has used up its failures in the window. */
    void check(String accountKey, String clientKey, Instant now) {
        Instant since = now.minus(settings.throttleWindow());
        Duration wait = Duration.ZERO;
        wait = max(wait, retryAfter(accountKey, settings.maxFailuresPerAccount(), since, now));
        wait = max(wait, retryAfter(clientKey, settings.maxFailuresPerClient(), since, now));
        if (!wait.isZero()) {
            throw new LoginThrottled(wait);
        }
    }

    void recordFailure(String accountKey, String clientKey, Instant now) {
        failures.forgetBefore(now.minus(settings.throttleWindow()));
        failures.record(accountKey, now);
        failures.record(clientKey, now);
    }

    void recordSuccess(String accountKey) {
        failures.clear(accountKey);
    }

    private Duration retryAfter(String key, int limit, Instant since, Instant now) {
        LoginFailureStore.Window window = failures.failuresSince(key, since);
        if (window.failures() < limit || window.oldest().isEmpty()) {
            return Duration.ZERO;
        }
        // Once the oldest failure leaves the window, one more attempt is allowed.
        Duration remaining = Duration.between(now, window.oldest().get().plus(settings.throttleWindow()));
        return remaining.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : remaining;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
