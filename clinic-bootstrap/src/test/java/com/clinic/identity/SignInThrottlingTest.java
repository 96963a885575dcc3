package com.clinic.identity;

import static com.clinic.identity.IdentityTestSupport.login;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The budgets of failed sign-ins (ADR 0013) over HTTP: taken atomically before the hash, per
 * account and client, so parallel guesses are held to the limit, an attacker cannot lock the owner
 * out, a throttled client costs no hash, and X-Forwarded-For from an untrusted peer changes nothing.
 */
@IntegrationTest
class SignInThrottlingTest {

    /** Made once per test JVM: the shared application context keeps its database throughout. */
    private static AvailabilityTestData.Site site;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        if (site == null) {
            site = IdentityTestSupport.staffSite(api);
        }
    }

    private long hashes() {
        return meters.get("clinic.identity.password.hashing").timer().count();
    }

    /** Sends every body at once, each on its own thread; answers the count of each status. */
    static Map<Integer, Integer> inParallel(Api client, String path, List<?> bodies) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Object body : bodies) {
                statuses.add(threads.submit(() -> {
                    go.await();
                    return client.post(path, body).status();
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                byStatus.merge(status.get(), 1, Integer::sum);
            }
            return byStatus;
        }
    }

    @Test
    void thirtyParallelWrongPasswordsForOneAccountAreCheckedOnlyAsOftenAsTheLimit() throws Exception {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        List<Map<String, String>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add(login(doctor.login(), "Wrong-Passw0rd-" + i));
        }
        long hashesBefore = hashes();

        Map<Integer, Integer> byStatus = inParallel(api.fromNewAddress(), "/api/v1/auth/login", guesses);

        // Five attempts are admitted; on a loaded machine some may wait out the hashing queue (503, unchecked).
        int checked = byStatus.getOrDefault(401, 0);
        assertThat(byStatus).as("statuses").containsKeys(429).doesNotContainKey(200);
        assertThat(checked + byStatus.getOrDefault(503, 0))
                .as("attempts admitted")
                .isEqualTo(5);
        assertThat(byStatus.get(429)).isEqualTo(25);
        assertThat(hashes() - hashesBefore).as("Argon2 hashes").isEqualTo(checked);
    }

    @Test
    void anAttackersFailuresLockOutTheAttackerNotTheOwner() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        Api attacker = api.fromNewAddress();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(attacker.post("/api/v1/auth/login", login(doctor.login(), "Wrong-Passw0rd!" + attempt))
                            .status())
                    .isEqualTo(401);
        }

        Api.Response attackerAgain = attacker.post("/api/v1/auth/login", login(doctor.login(), doctor.password()));
        Api.Response owner = api.fromNewAddress().post("/api/v1/auth/login", login(doctor.login(), doctor.password()));

        assertThat(attackerAgain.status()).isEqualTo(429);
        assertThat(attackerAgain.json("code").asString()).isEqualTo("auth.too-many-attempts");
        assertThat(attackerAgain.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
    }

    @Test
    void aThrottledClientIsRefusedBeforeAnyPasswordIsHashed() {
        Api sprayer = api.fromNewAddress();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(sprayer.post(
                                    "/api/v1/auth/login",
                                    login("spray-" + UUID.randomUUID() + "@clinic.test", "Guess-1234"))
                            .status())
                    .isEqualTo(401);
        }
        long hashesBefore = hashes();
        double fromMemoryBefore = answeredFromMemory();

        for (int attempt = 1; attempt <= 10; attempt++) {
            Api.Response refused = sprayer.post(
                    "/api/v1/auth/login", login("spray-" + UUID.randomUUID() + "@clinic.test", "Guess-1234"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json("code").asString()).isEqualTo("auth.too-many-attempts");
            assertThat(refused.header("Retry-After")).isPresent();
        }

        assertThat(hashes() - hashesBefore)
                .as("Argon2 hashes for refused attempts")
                .isZero();
        assertThat(answeredFromMemory() - fromMemoryBefore)
                .as("early retries answered from this instance's memory, after the refused-client delay")
                .isEqualTo(9);
    }

    private double answeredFromMemory() {
        return meters.get("clinic.identity.refused.client.answers").counter().count();
    }

    @Test
    void aForwardedForHeaderFromAPeerThatIsNoTrustedProxyIsIgnored() {
        // Loopback is no trusted proxy unless clinic.http.trusted-proxies says so (it does not here).
        Api spoofer = api.fromNewAddress();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(spoofer.header("X-Forwarded-For", "203.0.113." + attempt)
                            .post(
                                    "/api/v1/auth/login",
                                    login("spoof-" + UUID.randomUUID() + "@clinic.test", "Guess-1234"))
                            .status())
                    .isEqualTo(401);
        }

        Api.Response next = spoofer.header("X-Forwarded-For", "198.51.100.200")
                .post("/api/v1/auth/login", login("spoof-" + UUID.randomUUID() + "@clinic.test", "Guess-1234"));

        assertThat(next.status())
                .as("every attempt counted against the real peer, whatever the header claimed")
                .isEqualTo(429);
    }
}
