package com.clinic.scheduling.bootstrap.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code clinic.queue.*}, checked by {@code QueueSettings} at start-up. */
@ConfigurationProperties("clinic.queue")
record QueueProperties(
        @DefaultValue("10m") Duration grace,
        @DefaultValue("15m") Duration plannedConsultation,
        @DefaultValue("20") int historySize,
        @DefaultValue("14d") Duration historyWindow,
        @DefaultValue("12h") Duration admissionHorizon,
        @DefaultValue Stream stream,
        @DefaultValue("1s") Duration listenPollTimeout) {

    record Stream(@DefaultValue("30m") Duration timeout, @DefaultValue("30s") Duration refresh) {}
}
