package com.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.scheduling.waitlist.SeparateDatabase;
import com.clinic.support.Api;
import com.clinic.support.Sessions;
import com.clinic.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database, as behind a load balancer: the sign-in budgets hold
 * across both (they live in PostgreSQL, not in either JVM), and instance B, configured as in
 * production (a trusted proxy, the API description private, no scrape token), takes the client
 * address from that proxy's X-Forwarded-For and from nobody else's, and serves its operational
 * surfaces to administrators only. Whole contexts of their own on a database of their own
 * (SeparateDatabase), so the shared test context is not involved; two more context starts are the
 * price of testing configuration over HTTP, so every configuration-dependent behaviour lives here.
 */
class TwoInstancesTest {

    /** The load balancer's address, trusted by instance B only. */
    private static final String PROXY = "127.0.0.77";

    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;
    private static Api a;
    private static Api b;

    @BeforeAll
    static void start() {
        TestDatabase.Connection db = SeparateDatabase.create();
        instanceA = start(db);
        instanceB = start(
                db,
                "--clinic.http.trusted-proxies=" + PROXY + ",10.0.0.0/8",
                "--clinic.operations.api-docs-public=false",
                "--clinic.operations.metrics-scrape-token=");
        a = Api.on(port(instanceA));
        b = Api.on(port(instanceB));
    }

    @AfterAll
    static void stop() {
        if (instanceB != null) {
            instanceB.close();
        }
        if (instanceA != null) {
            instanceA.close();
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase.Connection db, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                // Two more pools next to the shared context's: small, so the server's connections last.
                "--spring.datasource.hikari.maximum-pool-size=6"));
        arguments.addAll(List.of(settings));
        // Arguments, because they outrank application.yml (default properties would not).
        return new SpringApplicationBuilder(ClinicApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    private static Map<String, String> login(String login, String password) {
        return Map.of("login", login, "password", password);
    }

    private static Sessions.Session doctorOn(Api instance) {
        AvailabilityTestData.Site site =
                AvailabilityTestData.newSite(instance.as(Sessions.admin(instance)), "Asia/Riyadh");
        return Sessions.staff(instance, Role.DOCTOR, site.clinicId(), site.branchId());
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Test
    void parallelGuessesSpreadOverBothInstancesAreHeldToOneLimit() throws Exception {
        Sessions.Session doctor = doctorOn(a);
        String attacker = a.fromNewAddress().clientAddress();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                Api via = (i % 2 == 0 ? a : b).from(attacker);
                Map<String, String> guess = login(doctor.login(), "Wrong-Passw0rd-" + i);
                statuses.add(threads.submit(() -> {
                    go.await();
                    return via.post("/api/v1/auth/login", guess).status();
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                byStatus.merge(status.get(), 1, Integer::sum);
            }

            // 503: admitted but it waited out the hashing queue on a loaded machine, so never checked.
            assertThat(byStatus).containsKeys(429).doesNotContainKey(200);
            assertThat(byStatus.getOrDefault(401, 0) + byStatus.getOrDefault(503, 0))
                    .as("attempts admitted on both instances together")
                    .isEqualTo(5);
        }
        // The owner, elsewhere, is not locked out on either instance.
        assertThat(b.fromNewAddress()
                        .post("/api/v1/auth/login", login(doctor.login(), doctor.password()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() {
        Sessions.Session doctor = doctorOn(a);
        Api viaProxy = b.from(PROXY);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(viaProxy.header("X-Forwarded-For", "203.0.113.9")
                            .post("/api/v1/auth/login", login(doctor.login(), "Wrong-Passw0rd!" + attempt))
                            .status())
                    .isEqualTo(401);
        }

        // 203.0.113.9 is throttled; another client behind the same proxy is not.
        assertThat(viaProxy.header("X-Forwarded-For", "203.0.113.9")
                        .post("/api/v1/auth/login", login(doctor.login(), doctor.password()))
                        .status())
                .isEqualTo(429);
        assertThat(viaProxy.header("X-Forwarded-For", "203.0.113.10")
                        .post("/api/v1/auth/login", login(doctor.login(), doctor.password()))
                        .status())
                .isEqualTo(200);
        // The same header from a peer that is no trusted proxy names nobody: the peer itself is throttled.
        Api notAProxy = b.fromNewAddress();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(notAProxy
                            .header("X-Forwarded-For", "203.0.113." + (100 + attempt))
                            .post("/api/v1/auth/login", login(doctor.login(), "Wrong-Passw0rd?" + attempt))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(notAProxy
                        .header("X-Forwarded-For", "203.0.113.200")
                        .post("/api/v1/auth/login", login(doctor.login(), doctor.password()))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void anInstanceConfiguredForProductionServesItsApiDescriptionAndMetricsToAdministratorsOnly() {
        // Instance A keeps the development defaults: the description is public.
        assertThat(a.anonymous().get("/v3/api-docs").status()).isEqualTo(200);

        Api anonymous = b.anonymous();
        Api admin = b.as(Sessions.admin(b));
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(401);
        assertThat(admin.get("/v3/api-docs").status()).isEqualTo(200);
        // Swagger UI cannot send a token with its page loads, so it is not served at all.
        assertThat(admin.get("/swagger-ui/index.html").status()).isEqualTo(403);
        // No scrape token is configured: the test profile's token is no credential here.
        assertThat(b.as("test-scrape-token-0123456789abcdef0123456789")
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(401);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
