package com.clinic.identity;

import static com.clinic.identity.IdentityTestSupport.login;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.ClinicApplication;
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
 * across both (they live in PostgreSQL, not in either JVM), and the instance configured with a
 * trusted proxy takes the client address from that proxy's X-Forwarded-For and from nobody else's.
 * Whole contexts of their own on a database of their own (SeparateDatabase), so the shared
 * test context is not involved; two more context starts are the price of testing that over HTTP.
 */
class SignInAcrossInstancesTest {

    /** The load balancer's address, trusted by instance B only. */
    private static final String PROXY = "127.0.0.77";

    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;
    private static Api a;
    private static Api b;

    @BeforeAll
    static void start() {
        TestDatabase.Connection db = SeparateDatabase.create();
        instanceA = start(db, "");
        instanceB = start(db, PROXY + ",10.0.0.0/8");
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

    private static ConfigurableApplicationContext start(TestDatabase.Connection db, String trustedProxies) {
        // Arguments, because they outrank application.yml (default properties would not).
        return new SpringApplicationBuilder(ClinicApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--server.port=0",
                        // Two more pools next to the shared context's: small, so the server's connections last.
                        "--spring.datasource.hikari.maximum-pool-size=6",
                        "--clinic.http.trusted-proxies=" + trustedProxies);
    }

    private static Sessions.Session doctorOn(Api instance) {
        AvailabilityTestData.Site site = IdentityTestSupport.staffSite(instance);
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
}
