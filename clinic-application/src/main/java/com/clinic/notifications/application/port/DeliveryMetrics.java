package com.clinic.notifications.application.port;

import com.clinic.notifications.domain.AttemptOutcome;
import com.clinic.notifications.domain.Channel;
import java.time.Duration;

/** Port: what operators graph and alert on (Prometheus): attempts, sends, retries, dead letters, lateness. */
public interface DeliveryMetrics {

    void attempted(Channel channel, String provider, AttemptOutcome outcome, Duration latency);

    /** Handed to a provider {@code lateness} after it was due. */
    void sent(Channel channel, Duration lateness);

    void retried(Channel channel);

    void throttled(Channel channel);

    void deadLettered(Channel channel);

    DeliveryMetrics NONE = new DeliveryMetrics() {
        @Override
        public void attempted(Channel channel, String provider, AttemptOutcome outcome, Duration latency) {}

        @Override
        public void sent(Channel channel, Duration lateness) {}

        @Override
        public void retried(Channel channel) {}

        @Override
        public void throttled(Channel channel) {}

        @Override
        public void deadLettered(Channel channel) {}
    };
}
