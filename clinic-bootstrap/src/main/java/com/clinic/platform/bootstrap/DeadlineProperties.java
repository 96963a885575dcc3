package com.clinic.platform.bootstrap;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code clinic.deadlines.*}: how often the persistent scheduler looks for due deadlines, and its threads. */
@Validated
@ConfigurationProperties("clinic.deadlines")
record DeadlineProperties(@DefaultValue("1s") Duration pollingInterval, @DefaultValue("4") @Positive int threads) {}
