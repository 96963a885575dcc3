package com.clinic.notifications.bootstrap;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Push messages through Firebase Cloud Messaging. Without a credentials file the channel is reported
 * unavailable (health, API) and nothing is sent; the server starts all the same.
 *
 * @param enabled false switches push off: reported unavailable, nothing is sent
 * @param credentialsFile path of the Firebase service account's JSON key (none: push is unavailable)
 * @param projectId the Firebase project, when it is not the service account's own
 * @param baseUrl an http(s) host that FCM and Google's token endpoint are reached at instead of Google's (a
 *     local fake, a proxy); empty: Google's
 * @param ratePerSecond messages per second all instances together may hand to FCM (a token bucket in PostgreSQL)
 * @param connectTimeout how long connecting to FCM may take
 * @param readTimeout how long FCM may take to answer one message
 */
@Validated
@ConfigurationProperties("clinic.notifications.push")
record PushProperties(
        @DefaultValue("true") boolean enabled,
        String credentialsFile,
        String projectId,
        String baseUrl,
        @DefaultValue("100") @Positive int ratePerSecond,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {}
