package com.clinic.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.platform.persistence.PostgresChannelListener;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import com.clinic.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access-token check reads this instance's cache of sessions and accounts (ADR 0014), kept true
 * by NOTIFY from whichever connection changes them. A plain JDBC connection stands in for a second
 * application instance: what it commits must reach this one's cache within moments, well inside the
 * background reload that would otherwise catch it (a third of the 15 s staleness bound).
 */
@IntegrationTest
class SessionAccessCacheTest {

    /** Made once per test JVM: the shared application context keeps its database throughout. */
    private static AvailabilityTestData.Site site;
    /** Well below the first background reload (5 s), so only a notification can explain a refusal. */
    private static final Duration NOTIFIED_WITHIN = Duration.ofSeconds(3);

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource pool;

    @Autowired
    @Qualifier("sessionAccessListener")
    PostgresChannelListener listener;

    Api api;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = Api.on(port);
        if (site == null) {
            site = IdentityTestSupport.staffSite(api);
        }
        assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aSignedInRequestNeedsNoPooledConnectionToBeAuthenticated() throws SQLException {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        List<Connection> taken = new ArrayList<>();
        try {
            int free = pool.getMaximumPoolSize() - pool.getHikariPoolMXBean().getActiveConnections();
            for (int i = 0; i < free; i++) {
                taken.add(pool.getConnection());
            }

            // Authenticated (the cached session) and then refused by role, with no connection left.
            Api.Response forbidden = api.as(doctor.accessToken()).get("/api/v1/users/" + doctor.userId());

            assertThat(forbidden.status()).isEqualTo(403);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    @Test
    void aLogoutCommittedByAnotherInstanceRefusesTheTokenHereAtOnce() throws SQLException {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());

        onAnotherInstance("UPDATE auth_session SET revoked_at = now(), revoke_reason = 'logout' WHERE session_id = '"
                + sessionOf(doctor) + "'");

        await().atMost(NOTIFIED_WITHIN).untilAsserted(() -> assertThat(
                        api.as(doctor.accessToken()).get("/api/v1/me").status())
                .isEqualTo(401));
    }

    @Test
    void anAccountDisabledByAnotherInstanceIsRefusedHereAtOnce() throws SQLException {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());

        onAnotherInstance("UPDATE user_credential SET disabled = true WHERE user_id = '" + doctor.userId() + "'");

        await().atMost(NOTIFIED_WITHIN).untilAsserted(() -> assertThat(
                        api.as(doctor.accessToken()).get("/api/v1/me").status())
                .isEqualTo(401));
    }

    @Test
    void aNotifyFromAnotherConnectionEvictsTheSessionItNames() throws SQLException {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        UUID session = sessionOf(doctor);

        // Revoked with triggers off: no notification, so the cached session still passes...
        onAnotherInstance(
                "SET session_replication_role = replica",
                "UPDATE auth_session SET revoked_at = now() WHERE session_id = '" + session + "'");
        assertThat(api.as(doctor.accessToken()).get("/api/v1/me").status()).isEqualTo(200);

        // ...until the notification another instance's transaction would send arrives.
        onAnotherInstance("NOTIFY session_access_changed, 's:" + session + "'");

        await().atMost(NOTIFIED_WITHIN).untilAsserted(() -> assertThat(
                        api.as(doctor.accessToken()).get("/api/v1/me").status())
                .isEqualTo(401));
    }

    private static UUID sessionOf(Sessions.Session session) {
        return UUID.fromString(
                IdentityTestSupport.claims(session.accessToken()).path("sid").asString());
    }

    private static void onAnotherInstance(String... statements) throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        try (Connection other = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = other.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
