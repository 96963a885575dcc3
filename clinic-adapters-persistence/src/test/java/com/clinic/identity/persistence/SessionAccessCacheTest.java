package com.clinic.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.application.port.SessionStore.SessionAccess;
import com.clinic.platform.domain.Role;
import com.clinic.platform.persistence.PostgresChannelListener;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the per-request access check reads, and how it is kept true: evictions after the changing
 * transaction completes, the notifications of migration V57's triggers, and resynchronisation. The
 * staleness bound itself is SessionAccessStalenessTest's (clinic-bootstrap).
 */
@ExtendWith(PostgresTestDatabase.class)
class SessionAccessCacheTest {

    private static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");

    private final DSLContext db;
    private final SessionAccessCache cache;
    private final JooqSessionStore sessions;
    private final JooqCredentialStore credentials;
    private final UUID user = UUID.randomUUID();
    private final UUID clinic = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    SessionAccessCacheTest(DSLContext db) {
        this.db = db;
        this.cache = new SessionAccessCache(db, Duration.ofMinutes(5), 100);
        this.sessions = new JooqSessionStore(db, cache);
        this.credentials = new JooqCredentialStore(db, cache);
    }

    @BeforeEach
    void anActivatedDoctorSignedIn() {
        credentials.insert(Credentials.invitedStaff(user, "phone-" + user, Role.DOCTOR, clinic, branch));
        credentials.completeActivation(user, "$argon2id$hash", AT);
        credentials.mirror(user, Role.DOCTOR, Optional.of(clinic), Optional.of(branch), true, false, AT);
        sessions.openSession(session, user, AT);
    }

    @Test
    void theAccessOfASessionJoinsItsOwnerRevocationAndTheAccountsRoleScopeAndStatus() {
        assertThat(cache.access(session))
                .contains(new SessionAccess(user, false, Role.DOCTOR, Optional.of(clinic), Optional.of(branch), true));
        assertThat(cache.access(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aRevocationInsideATransactionReachesTheCacheOnlyOnceItCommits(TransactionTemplate transactions) {
        assertThat(revoked()).isFalse();

        transactions.executeWithoutResult(status -> {
            sessions.revokeSession(session, "SIGNED_OUT", AT.plusSeconds(1));
            // Evicting now would let a concurrent reader reload the row as it was before this commit.
            assertThat(revoked()).as("inside the transaction").isFalse();
        });

        assertThat(revoked()).isTrue();
    }

    @Test
    void aRolledBackRevocationLeavesTheSessionUsable(TransactionTemplate transactions) {
        assertThat(revoked()).isFalse();

        transactions.executeWithoutResult(status -> {
            sessions.revokeSession(session, "SIGNED_OUT", AT.plusSeconds(1));
            status.setRollbackOnly();
        });

        assertThat(revoked()).isFalse();
    }

    @Test
    void aNotificationNamingTheSessionOrTheAccountEvictsExactlyThatEntry() {
        assertThat(revoked()).isFalse();
        // Changed behind the cache's back, as by another instance.
        db.execute("UPDATE auth_session SET revoked_at = now() WHERE session_id = ?", session);
        db.execute("UPDATE user_credential SET disabled = true WHERE user_id = ?", user);

        cache.received("u:" + user);
        assertThat(cache.access(session)).hasValueSatisfying(access -> {
            assertThat(access.accountActive()).as("the account was reloaded").isFalse();
            assertThat(access.revoked()).as("the session was not").isFalse();
        });

        cache.received("s:" + session);
        assertThat(revoked()).isTrue();
    }

    @Test
    void aNotificationThatNamesNothingChangesNothing() {
        assertThat(revoked()).isFalse();
        db.execute("UPDATE auth_session SET revoked_at = now() WHERE session_id = ?", session);

        cache.received("s:not-a-uuid");
        cache.received("x:" + session);
        cache.received("");

        assertThat(revoked()).isFalse();
    }

    @Test
    void aResynchronisationDropsEveryEntry() {
        assertThat(revoked()).isFalse();
        db.execute("UPDATE auth_session SET revoked_at = now() WHERE session_id = ?", session);

        cache.resynchronise();

        assertThat(revoked()).isTrue();
    }

    @Test
    void theTriggersAnnounceChangesToRevocationAndToTheAccountsAccessButNotToOtherColumns(
            PostgresTestDatabase.Server server) throws InterruptedException {
        BlockingQueue<String> announced = new LinkedBlockingQueue<>();
        PostgresChannelListener listener = new PostgresChannelListener(
                server::connect,
                SessionAccessCache.CHANNEL,
                new PostgresChannelListener.Receiver() {
                    @Override
                    public void received(String payload) {
                        announced.add(payload);
                    }

                    @Override
                    public void resynchronise() {}
                },
                Duration.ofMillis(100),
                "session-access-test");
        listener.start();
        try {
            assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();

            // Neither is access: no notification, which the next one's arriving first would reveal.
            db.execute("UPDATE user_credential SET updated_at = now() WHERE user_id = ?", user);
            db.execute("UPDATE auth_session SET revoke_reason = 'x' WHERE session_id = ?", session);
            credentials.changePasswordHash(user, "$argon2id$other", AT.plusSeconds(1));
            db.execute("UPDATE user_credential SET role = 'MANAGER' WHERE user_id = ?", user);
            sessions.revokeSession(session, "SIGNED_OUT", AT.plusSeconds(2));

            assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo("u:" + user);
            assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo("s:" + session);
        } finally {
            listener.stop();
        }
    }

    private boolean revoked() {
        return cache.access(session).map(SessionAccess::revoked).orElseThrow();
    }
}
