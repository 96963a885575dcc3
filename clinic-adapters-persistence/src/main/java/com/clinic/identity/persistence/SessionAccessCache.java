package com.clinic.identity.persistence;

import static com.clinic.identity.persistence.jooq.Tables.AUTH_SESSION;
import static com.clinic.identity.persistence.jooq.Tables.USER_CREDENTIAL;

import com.clinic.identity.application.IdentitySettings;
import com.clinic.identity.application.port.SessionStore.SessionAccess;
import com.clinic.platform.domain.Role;
import com.clinic.platform.persistence.PostgresChannelListener;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This instance's view of what the per-request access-token check reads, so that a request costs no
 * database round trip (ADR 0014): a session's owner and revocation, and an account's role, scope and
 * status, in two caches so that each kind of change evicts exactly its own entry.
 *
 * <p>Kept true three ways. A change made here evicts its entry once its transaction has completed
 * (evicting earlier would let a concurrent miss reload the old row). A change made anywhere fires a
 * trigger whose NOTIFY reaches every instance's {@link PostgresChannelListener} at commit. And no
 * entry is older than {@code max-staleness}: it is reloaded in the background after a third of it and
 * dropped at it, which bounds the damage of a lost notification; a listener that reconnects, having
 * possibly missed some, drops everything.
 */
@Component
class SessionAccessCache implements PostgresChannelListener.Receiver {

    /** Notified by the triggers of migration V57; the payload is "s:&lt;session id&gt;" or "u:&lt;user id&gt;". */
    static final String CHANNEL = "session_access_changed";

    private static final Logger log = LoggerFactory.getLogger(SessionAccessCache.class);

    private record SessionRow(UUID userId, boolean revoked) {}

    private record AccountRow(Role role, Optional<UUID> clinicId, Optional<UUID> branchId, boolean active) {}

    private final DSLContext db;
    private final LoadingCache<UUID, Optional<SessionRow>> sessions;
    private final LoadingCache<UUID, Optional<AccountRow>> accounts;

    @Autowired
    SessionAccessCache(DSLContext db, IdentitySettings settings) {
        this(db, settings.sessionCache().maxStaleness(), settings.sessionCache().maximumSize());
    }

    SessionAccessCache(DSLContext db, Duration maxStaleness, long maximumSize) {
        this.db = db;
        // Background reloads wait for a pooled connection like any query; on threads of their own so
        // that they never queue behind (or block) the common pool.
        ExecutorService reloads = Executors.newFixedThreadPool(
                2,
                Thread.ofPlatform()
                        .name("session-cache-reload-", 0)
                        .daemon(true)
                        .factory());
        this.sessions = cache(maxStaleness, maximumSize, reloads, this::loadSession);
        this.accounts = cache(maxStaleness, maximumSize, reloads, this::loadAccount);
    }

    private static <V> LoadingCache<UUID, V> cache(
            Duration maxStaleness, long maximumSize, ExecutorService reloads, CacheLoader<UUID, V> loader) {
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(maxStaleness)
                .refreshAfterWrite(maxStaleness.dividedBy(3))
                .executor(reloads)
                .build(loader);
    }

    Optional<SessionAccess> access(UUID sessionId) {
        return sessions.get(sessionId).flatMap(session -> accounts.get(session.userId())
                .map(account -> new SessionAccess(
                        session.userId(),
                        session.revoked(),
                        account.role(),
                        account.clinicId(),
                        account.branchId(),
                        account.active())));
    }

    /** Call where the session's row changes; the eviction waits for the transaction to complete. */
    void sessionChanged(UUID sessionId) {
        afterCompletion(() -> sessions.invalidate(sessionId));
    }

    /** Call where the account's role, scope or status changes. */
    void accountChanged(UUID userId) {
        afterCompletion(() -> accounts.invalidate(userId));
    }

    @Override
    public void received(String payload) {
        UUID id;
        try {
            id = UUID.fromString(payload.substring(2));
        } catch (IllegalArgumentException | IndexOutOfBoundsException notAnId) {
            log.warn("Ignoring a session access notification that names nothing: {}", payload);
            return;
        }
        if (payload.startsWith("s:")) {
            sessions.invalidate(id);
        } else if (payload.startsWith("u:")) {
            accounts.invalidate(id);
        } else {
            log.warn("Ignoring a session access notification of an unknown kind: {}", payload);
        }
    }

    @Override
    public void resynchronise() {
        sessions.invalidateAll();
        accounts.invalidateAll();
    }

    private Optional<SessionRow> loadSession(UUID sessionId) {
        return db.select(AUTH_SESSION.USER_ID, AUTH_SESSION.REVOKED_AT)
                .from(AUTH_SESSION)
                .where(AUTH_SESSION.SESSION_ID.eq(sessionId))
                .fetchOptional(Records.mapping((userId, revokedAt) -> new SessionRow(userId, revokedAt != null)));
    }

    private Optional<AccountRow> loadAccount(UUID userId) {
        return db.select(
                        USER_CREDENTIAL.ROLE,
                        USER_CREDENTIAL.CLINIC_ID,
                        USER_CREDENTIAL.BRANCH_ID,
                        USER_CREDENTIAL.ACTIVATED,
                        USER_CREDENTIAL.DISABLED)
                .from(USER_CREDENTIAL)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .fetchOptional(Records.mapping((role, clinicId, branchId, activated, disabled) -> new AccountRow(
                        Role.valueOf(role),
                        Optional.ofNullable(clinicId),
                        Optional.ofNullable(branchId),
                        activated && !disabled)));
    }

    private static void afterCompletion(Runnable eviction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            eviction.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                eviction.run();
            }
        });
    }
}
