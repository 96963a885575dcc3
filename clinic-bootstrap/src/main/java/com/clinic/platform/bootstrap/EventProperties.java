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

    record Events(@DefaultValue("100ms") Duration fetchDelay) {}

    record Projections(@DefaultValue("1") @Positive int segments, @DefaultValue("100") @Positive int batchSize) {}
}
