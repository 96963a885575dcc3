package com.clinic.platform.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event store and its processors (ADR 0010): {@code clinic.events.fetch-delay} (how late an
 * idle instance sees another's events) and {@code clinic.projections.*} (segments and batch size of
 * every projection's tracking processor). Bound below {@code clinic} to keep the documented keys.
 */
@Validated
@ConfigurationProperties("clinic")
record EventProperties(@DefaultValue @Valid Events events, @DefaultValue @Valid Projections projections) {

    /** @param fetchDelay how long an idle processor waits before it looks for new events again (how late an instance sees another's events) */
    record Events(@DefaultValue("100ms") Duration fetchDelay) {}

    /**
     * @param segments segments of every projection's tracking processor (parallel threads, across instances)
     * @param batchSize events a projection handles per transaction
     */
    record Projections(@DefaultValue("1") @Positive int segments, @DefaultValue("100") @Positive int batchSize) {}
}
