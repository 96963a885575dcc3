package com.clinic.notifications.external;

import java.time.Duration;
import java.util.Optional;

/** One provider's rate limit: a token per message, taken before the provider is called. */
@FunctionalInterface
public interface ProviderRateLimit {

    /** @return empty when a token was taken; otherwise how long until the next one */
    Optional<Duration> tryTake();
}
