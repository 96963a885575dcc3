package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations baseline an orchestrator relies on: the probes answer over HTTP without
 * credentials, readiness covers the database and the event processors, metrics are scraped in
 * Prometheus format.
 *
 * <p>Probe bodies only carry the overall status (component names are not published to anonymous
 * callers), so group membership is checked on the health endpoint in-process. Until identity's
 * security configuration lands, Boot's default security guards {@code /actuator/prometheus} with a
 * generated password; the scrape is therefore checked on the endpoint bean. Once identity permits
 * it anonymously, also GET it over HTTP here.
 */
@IntegrationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

    @Autowired
    PrometheusScrapeEndpoint prometheus;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsUpOverHttpAndCoversTheDatabaseAndTheEventProcessors() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
        assertThat(components("readiness")).containsOnlyKeys("readinessState", "db", "eventProcessors");
        assertThat(components("readiness").values())
                .allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void livenessIsUpOverHttpAndDependsOnNothingExternal() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
        // A database outage must not make the orchestrator restart every instance.
        assertThat(components("liveness")).containsOnlyKeys("livenessState");
    }

    @Test
    void theEventProcessorsIndicatorListsTheAuditIndexProjection() {
        HealthDescriptor processors = health.healthForPath("readiness", "eventProcessors");
        assertThat(processors.getStatus()).isEqualTo(Status.UP);
        assertThat(json.writeValueAsString(processors)).contains("audit-index");
    }

    @Test
    void prometheusServesJvmMetricsTaggedWithTheApplication() {
        var scrape = prometheus.scrape(PrometheusOutputFormat.CONTENT_TYPE_004, null);

        assertThat(scrape.getStatus()).isEqualTo(200);
        String metrics = new String(scrape.getBody(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("jvm_memory_used_bytes{", "hikaricp_connections", "application=\"clinic\"");
    }

    private java.util.Map<String, HealthDescriptor> components(String group) {
        HealthDescriptor descriptor = health.healthForPath(group);
        assertThat(descriptor).isInstanceOf(CompositeHealthDescriptor.class);
        return ((CompositeHealthDescriptor) descriptor).getComponents();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
