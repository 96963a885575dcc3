package com.clinic.scheduling.bootstrap.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.queue.*}. The live-stream keys ({@code stream.timeout}, {@code stream.refresh}) and
 * {@code listen-poll-timeout} are read by the REST and persistence adapters themselves.
 */
@ConfigurationProperties("clinic.queue")
record QueueProperties(
        @DefaultValue("10m") Duration grace,
        @DefaultValue("15m") Duration plannedConsultation,
        @DefaultValue("20") int historySize,
        @DefaultValue("14d") Duration historyWindow,
        @DefaultValue("12h") Duration admissionHorizon) {}
