package com.clinic.notifications.external;

import com.clinic.notifications.application.port.DeliveryMetrics;
import com.clinic.notifications.domain.AttemptOutcome;
import com.clinic.notifications.domain.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Delivery in Prometheus: {@code clinic_notifications_attempts_total{channel,provider,outcome}},
 * {@code _sent_total}, {@code _retried_total}, {@code _throttled_total}, {@code _dead_lettered_total},
 * provider call latency and the lateness of a message (sent after it was due) as timers with
 * percentiles, which is what the reminder lateness target is read from.
 */
@Component
class MicrometerDeliveryMetrics implements DeliveryMetrics {

    private final MeterRegistry registry;

    MicrometerDeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attempted(Channel channel, String provider, AttemptOutcome outcome, Duration latency) {
        Counter.builder("clinic.notifications.attempts")
                .tag("channel", name(channel))
                .tag("provider", provider)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        Timer.builder("clinic.notifications.provider.latency")
                .tag("channel", name(channel))
                .tag("provider", provider)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(latency);
    }

    @Override
    public void sent(Channel channel, Duration lateness) {
        counter("clinic.notifications.sent", channel);
        Timer.builder("clinic.notifications.lateness")
                .description("How long after it was due a message was handed to its provider")
                .tag("channel", name(channel))
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    @Override
    public void retried(Channel channel) {
        counter("clinic.notifications.retried", channel);
    }

    @Override
    public void throttled(Channel channel) {
        counter("clinic.notifications.throttled", channel);
    }

    @Override
    public void deadLettered(Channel channel) {
        counter("clinic.notifications.dead.lettered", channel);
    }

    private void counter(String name, Channel channel) {
        Counter.builder(name).tag("channel", name(channel)).register(registry).increment();
    }

    private static String name(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
