package com.clinic.platform.bootstrap;

import com.clinic.platform.rest.operations.OperationsAccess;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.operations.*}: the Prometheus scrape token ({@code CLINIC_METRICS_SCRAPE_TOKEN}; with
 * none, only administrators read metrics) and whether the API description is public
 * ({@code CLINIC_API_DOCS_PUBLIC}, on by default for development; production turns it off).
 *
 * @param metricsScrapeToken the bearer token (32+ characters) Prometheus sends to /actuator/prometheus;
 *     none: only administrators' access tokens read it
 * @param apiDocsPublic serve /v3/api-docs and Swagger UI without credentials; false in production
 *     (the description then needs an administrator's token and Swagger UI is not served)
 */
@Validated
@ConfigurationProperties("clinic.operations")
record OperationsProperties(
        @Pattern(regexp = "|\\S{32,}", message = "a scrape token needs at least 32 characters and no spaces")
                String metricsScrapeToken,
        @DefaultValue("true") boolean apiDocsPublic) {

    OperationsAccess access() {
        return new OperationsAccess(
                Optional.ofNullable(metricsScrapeToken).filter(token -> !token.isBlank()), apiDocsPublic);
    }
}
