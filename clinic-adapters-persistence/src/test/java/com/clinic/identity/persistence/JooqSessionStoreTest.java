package com.clinic.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.application.port.SessionStore.RefreshUse;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqSessionStoreTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private final JooqSessionStore sessions;
    private final JooqCredentialStore credentials;
    private final UUID user = UUID.randomUUID();

    JooqSessionStoreTest(DSLContext db) {
        SessionAccessCache cache = new SessionAccessCache(db, Duration.ofMinutes(5), 100);
        this.sessions = new JooqSessionStore(db, cache);
        this.credentials = new JooqCredentialStore(db, cache);
    }

    @BeforeEach
    void aUserWithALogin() {
        credentials.insert(Credentials.patient(user, "email-" + user));
    }

    @Test
    void aFreshRefreshTokenRotatesOnceAndIsThenRecognisedAsReused() {
        UUID session = open("token-1");

        assertThat(sessions.useRefreshToken("token-1", NOW.plusSeconds(60)))
                .isEqualTo(new RefreshUse.Rotated(session, user));
        assertThat(sessions.useRefreshToken("token-1", NOW.plusSeconds(61))).isEqualTo(new RefreshUse.Reused(session));
        assertThat(sessions.sessionOfRefreshToken("token-1")).contains(session);
    }

    @Test
    void anUnknownOrExpiredTokenIsRejected() {
        open("token-1");

        assertThat(sessions.useRefreshToken("no-such-token", NOW)).isEqualTo(new RefreshUse.Rejected());
        assertThat(sessions.useRefreshToken("token-1", NOW.plus(Duration.ofDays(31))))
                .isEqualTo(new RefreshUse.Rejected());
        assertThat(sessions.sessionOfRefreshToken("no-such-token")).isEmpty();
    }

    @Test
    void revokingASessionRejectsItsTokensAndShowsInItsAccess() {
        UUID session = open("token-1");
        assertThat(sessions.access(session)).hasValueSatisfying(access -> {
            assertThat(access.userId()).isEqualTo(user);
            assertThat(access.revoked()).isFalse();
        });

        sessions.revokeSession(session, "SIGNED_OUT", NOW.plusSeconds(5));

        assertThat(sessions.useRefreshToken("token-1", NOW.plusSeconds(6))).isEqualTo(new RefreshUse.Rejected());
        assertThat(sessions.access(session))
                .hasValueSatisfying(access -> assertThat(access.revoked()).isTrue());
    }

    @Test
    void revokingEverySessionOfAUserLeavesOtherUsersSessionsAlone() {
        UUID phone = open("phone-token");
        UUID laptop = open("laptop-token");
        UUID someoneElse = UUID.randomUUID();
        credentials.insert(Credentials.patient(someoneElse, "email-" + someoneElse));
        UUID theirs = UUID.randomUUID();
        sessions.openSession(theirs, someoneElse, NOW);
        sessions.storeRefreshToken("their-token", theirs, someoneElse, NOW, NOW.plus(Duration.ofDays(30)));

        sessions.revokeAllSessionsOf(user, "PASSWORD_CHANGED", NOW.plusSeconds(5));

        assertThat(sessions.access(phone))
                .hasValueSatisfying(a -> assertThat(a.revoked()).isTrue());
        assertThat(sessions.access(laptop))
                .hasValueSatisfying(a -> assertThat(a.revoked()).isTrue());
        assertThat(sessions.useRefreshToken("phone-token", NOW.plusSeconds(6))).isEqualTo(new RefreshUse.Rejected());
        assertThat(sessions.useRefreshToken("laptop-token", NOW.plusSeconds(6))).isEqualTo(new RefreshUse.Rejected());
        assertThat(sessions.access(theirs))
                .hasValueSatisfying(a -> assertThat(a.revoked()).isFalse());
        assertThat(sessions.useRefreshToken("their-token", NOW.plusSeconds(6)))
                .isEqualTo(new RefreshUse.Rotated(theirs, someoneElse));
    }

    @Test
    void ofTwoConcurrentUsesOfOneTokenOnlyOneRotatesAndTheOtherIsSeenAsReuse() throws Exception {
        UUID session = open("token-1");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RefreshUse>> uses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                uses.add(pool.submit(() -> {
                    start.await();
                    return sessions.useRefreshToken("token-1", NOW.plusSeconds(60));
                }));
            }
            start.countDown();

            List<RefreshUse> results = List.of(uses.get(0).get(), uses.get(1).get());
            assertThat(results)
                    .containsExactlyInAnyOrder(new RefreshUse.Rotated(session, user), new RefreshUse.Reused(session));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAccessOfAnUnknownSessionIsEmpty() {
        assertThat(sessions.access(UUID.randomUUID())).isEmpty();
    }

    private UUID open(String token) {
        UUID session = UUID.randomUUID();
        sessions.openSession(session, user, NOW);
        sessions.storeRefreshToken(token, session, user, NOW, NOW.plus(Duration.ofDays(30)));
        return session;
    }
}
