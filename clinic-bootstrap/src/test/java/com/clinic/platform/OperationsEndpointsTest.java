package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations baseline an orchestrator relies on: the probes answer over HTTP without
 * credentials, readiness covers the database and the event processors, metrics are scraped in
 * Prometheus format.
 *
 * <p>Probe bodies only carry the overall status (component names are not published to anonymous
 * callers), so group membership is checked on the health endpoint in-process. Every endpoint here
 * is public in identity's security configuration; these requests carry no credentials.
 */
@IntegrationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

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
    void prometheusServesJvmAndPoolMetricsTaggedWithTheApplication() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes{", "hikaricp_connections", "application=\"clinic\"");
    }

    @Test
    void otherActuatorEndpointsStayClosedToAnonymousCallers() throws Exception {
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
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
