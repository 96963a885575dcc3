package com.clinic.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.identity.application.port.SessionStore.SessionAccess;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staleness bound of ADR 0014 holds when a notification is lost: a revocation that no NOTIFY
 * announces still reaches the cache within {@code max-staleness}. A cache of its own with a one-second
 * bound, so that the test waits about a second rather than the application's fifteen.
 */
@IntegrationTest
class SessionAccessStalenessTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Test
    void aRevocationWhoseNotificationIsLostTakesEffectWithinTheBound() {
        Api api = Api.on(port);
        AvailabilityTestData.Site site = AvailabilityTestData.newSite(api.as(Sessions.admin(api)), "Asia/Riyadh");
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());
        UUID session = db.resultQuery(
                        "SELECT session_id FROM auth_session WHERE user_id = ? AND revoked_at IS NULL", doctor.userId())
                .fetchOne(0, UUID.class);
        SessionAccessCache cache = new SessionAccessCache(db, BOUND, 100);
        assertThat(cache.access(session))
                .hasValueSatisfying(access -> assertThat(access.revoked()).isFalse());
        long loaded = System.nanoTime();

        // Revoked behind the cache's back: this cache listens to nothing, as if every notification were lost.
        db.execute("UPDATE auth_session SET revoked_at = now() WHERE session_id = ?", session);
        assertThat(cache.access(session).map(SessionAccess::revoked)).contains(false);

        await().atMost(BOUND.plusMillis(500))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> cache.access(session).map(SessionAccess::revoked).orElse(false));
        assertThat(Duration.ofNanos(System.nanoTime() - loaded)).isLessThanOrEqualTo(BOUND.plusMillis(500));
    }
}
