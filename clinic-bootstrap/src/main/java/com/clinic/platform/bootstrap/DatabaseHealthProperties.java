package com.clinic.platform.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.health.database.*}.
 *
 * @param timeout the longest the readiness check of the database may take: no answer by then reads
 *     DOWN (keep it below the probe's timeout)
 */
@ConfigurationProperties("clinic.health.database")
record DatabaseHealthProperties(@DefaultValue("800ms") Duration timeout) {}
