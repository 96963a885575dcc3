package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.api.InstanceOfAssertFactories;
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
 * Prometheus format with the scrape token, and nothing else operational is open to non-administrators.
 *
 * <p>Probe bodies only carry the overall status (component names are not published to anonymous
 * callers), so group membership is checked on the health endpoint in-process. Every endpoint here
 * is public in identity's security configuration; these requests carry no credentials unless named.
 */
@IntegrationTest
class OperationsEndpointsTest {

    /** The scrape token of the test profile (application-test.yml). */
    static final String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdef0123456789";

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
    void prometheusServesJvmAndPoolMetricsTaggedWithTheApplicationToTheScraper() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", SCRAPE_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes{", "hikaricp_connections", "application=\"clinic\"");
    }

    @Test
    void metricsAreClosedToAnonymousCallersAndToEveryoneButAdministrators() throws Exception {
        // Both used to be open: the scrape endpoint to anyone, the metrics endpoint to any signed-in user.
        Api api = Api.on(port);
        String auditor = Sessions.staff(api, Role.AUDITOR, null, null).accessToken();

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "not-the-" + SCRAPE_TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", auditor).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", auditor).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", SCRAPE_TOKEN).statusCode()).isEqualTo(401);

        String admin = Sessions.admin(api);
        assertThat(get("/actuator/prometheus", admin).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void swaggerUiRunsUnderAContentSecurityPolicyAndTheApiForbidsFramingEverything() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html", null);
        HttpResponse<String> api = get("/v3/api-docs", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }

    private java.util.Map<String, HealthDescriptor> components(String group) {
        HealthDescriptor descriptor = health.healthForPath(group);
        assertThat(descriptor).isInstanceOf(CompositeHealthDescriptor.class);
        return ((CompositeHealthDescriptor) descriptor).getComponents();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
