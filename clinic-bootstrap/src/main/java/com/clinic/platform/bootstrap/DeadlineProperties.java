package com.clinic.platform.bootstrap;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.deadlines.*}: the persistent scheduler of deadlines (hold and offer expiry, no-shows).
 *
 * @param pollingInterval how often it looks for deadlines that are due
 * @param threads how many due deadlines run at once
 */
@Validated
@ConfigurationProperties("clinic.deadlines")
record DeadlineProperties(@DefaultValue("1s") Duration pollingInterval, @DefaultValue("4") @Positive int threads) {}
