package com.clinic.notifications.application.port;

import java.time.Duration;
import java.util.Optional;

/**
 * What a provider answered to one attempt. Every variant names the provider, its answer as it gave
 * it (status and error code, never the message body) and how long the call took: the attempt is
 * recorded as it happened.
 */
public sealed interface DeliveryOutcome {

    String provider();

    String answer();

    Duration latency();

    /** The provider took the message; {@code providerMessageId} is how its reports refer to it. */
    record Accepted(String provider, String providerMessageId, String answer, Duration latency)
            implements DeliveryOutcome {}

    /**
     * Worth trying again later: throttled (429), the provider failed (5xx), a timeout or a
     * connection refused. {@code retryAfter} when the provider said how long to wait.
     */
    record Transient(String provider, String answer, Optional<Duration> retryAfter, Duration latency)
            implements DeliveryOutcome {}

    /**
     * Not sent at all: this provider's rate limit (a token bucket shared by the instances) has no
     * token now. Not an attempt; try again after {@code retryAfter}.
     */
    record Throttled(String provider, Duration retryAfter) implements DeliveryOutcome {
        @Override
        public String answer() {
            return "throttled";
        }

        @Override
        public Duration latency() {
            return Duration.ZERO;
        }
    }

    /** Trying again with the same message will fail the same way (a bad request, rejected credentials). */
    record Rejected(String provider, String answer, Duration latency) implements DeliveryOutcome {}

    /**
     * The address no longer reaches anyone: a device token FCM reports unregistered, an invalid
     * phone number, a suppressed e-mail address. The address should be forgotten.
     */
    record Unreachable(String provider, String answer, Duration latency) implements DeliveryOutcome {}
}
