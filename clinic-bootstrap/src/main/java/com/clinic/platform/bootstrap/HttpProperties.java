package com.clinic.platform.bootstrap;

import com.clinic.platform.rest.HttpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.http.*}: who is a trusted proxy ({@code CLINIC_HTTP_TRUSTED_PROXIES}), the request
 * bulkhead (ADR 0014), the largest body, and the read-your-writes wait (ADR 0008).
 *
 * @param trustedProxies addresses or CIDR blocks of the load balancers in front of the server; only
 *     their X-Forwarded-For is believed (none: the peer's own address counts)
 * @param bulkhead how many API requests are handled at once
 * @param maxBodyBytes the largest request body; larger ones get 413
 * @param readYourWritesTimeout how long a write waits for the read models to show it before it answers anyway
 */
@Validated
@ConfigurationProperties("clinic.http")
record HttpProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue @Valid Bulkhead bulkhead,
        @DefaultValue("1048576") @Positive long maxBodyBytes,
        @DefaultValue("2s") Duration readYourWritesTimeout) {

    /**
     * 14 of the pool's 20 connections by default, leaving the rest to projections and cache reloads.
     *
     * @param permits API requests handled at once (keep it below the connection pool's size)
     * @param maxWait how long a request waits for a permit before 503
     * @param outside API paths that skip the bulkhead (their own queue is the password-hashing pool's)
     */
    record Bulkhead(
            @DefaultValue("14") @Positive int permits,
            @DefaultValue("20s") Duration maxWait,
            @DefaultValue({"/api/v1/auth/login", "/api/v1/auth/register"}) List<String> outside) {}

    HttpSettings settings() {
        return new HttpSettings(
                new HttpSettings.Bulkhead(bulkhead.permits(), bulkhead.maxWait(), bulkhead.outside()),
                maxBodyBytes,
                readYourWritesTimeout);
    }
}
