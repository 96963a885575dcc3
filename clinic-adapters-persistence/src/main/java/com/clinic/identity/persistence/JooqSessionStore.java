package com.clinic.identity.persistence;

import static com.clinic.identity.persistence.jooq.Tables.AUTH_SESSION;
import static com.clinic.identity.persistence.jooq.Tables.REFRESH_TOKEN;

import com.clinic.identity.application.port.SessionStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/**
 * Sessions and refresh tokens in PostgreSQL; the rotation is one conditional UPDATE … RETURNING. The
 * per-request access check reads this instance's {@link SessionAccessCache}.
 */
@Repository
class JooqSessionStore implements SessionStore {

    private final DSLContext db;
    private final SessionAccessCache cache;

    JooqSessionStore(DSLContext db, SessionAccessCache cache) {
        this.db = db;
        this.cache = cache;
    }

    @Override
    public void openSession(UUID sessionId, UUID userId, Instant at) {
        db.insertInto(AUTH_SESSION)
                .set(AUTH_SESSION.SESSION_ID, sessionId)
                .set(AUTH_SESSION.USER_ID, userId)
                .set(AUTH_SESSION.CREATED_AT, at)
                .execute();
    }

    @Override
    public void storeRefreshToken(String tokenHash, UUID sessionId, UUID userId, Instant issuedAt, Instant expiresAt) {
        db.insertInto(REFRESH_TOKEN)
                .set(REFRESH_TOKEN.TOKEN_HASH, tokenHash)
                .set(REFRESH_TOKEN.FAMILY_ID, sessionId)
                .set(REFRESH_TOKEN.USER_ID, userId)
                .set(REFRESH_TOKEN.ISSUED_AT, issuedAt)
                .set(REFRESH_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    @Override
    public RefreshUse useRefreshToken(String tokenHash, Instant now) {
        Optional<RefreshUse> rotated = db.update(REFRESH_TOKEN)
                .set(REFRESH_TOKEN.USED_AT, now)
                .where(
                        REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash),
                        REFRESH_TOKEN.USED_AT.isNull(),
                        REFRESH_TOKEN.REVOKED_AT.isNull(),
                        REFRESH_TOKEN.EXPIRES_AT.gt(now))
                .returning(REFRESH_TOKEN.FAMILY_ID, REFRESH_TOKEN.USER_ID)
                .fetchOptional()
                .map(row -> new RefreshUse.Rotated(row.getFamilyId(), row.getUserId()));
        if (rotated.isPresent()) {
            return rotated.get();
        }
        return db.select(REFRESH_TOKEN.FAMILY_ID, REFRESH_TOKEN.USED_AT, REFRESH_TOKEN.REVOKED_AT)
                .from(REFRESH_TOKEN)
                .where(REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(Records.mapping((familyId, usedAt, revokedAt) -> usedAt != null && revokedAt == null
                        ? new RefreshUse.Reused(familyId)
                        : new RefreshUse.Rejected()))
                .orElseGet(RefreshUse.Rejected::new);
    }

    @Override
    public Optional<UUID> sessionOfRefreshToken(String tokenHash) {
        return db.select(REFRESH_TOKEN.FAMILY_ID)
                .from(REFRESH_TOKEN)
                .where(REFRESH_TOKEN.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(REFRESH_TOKEN.FAMILY_ID);
    }

    @Override
    public void revokeSession(UUID sessionId, String reason, Instant at) {
        db.update(AUTH_SESSION)
                .set(AUTH_SESSION.REVOKED_AT, at)
                .set(AUTH_SESSION.REVOKE_REASON, reason)
                .where(AUTH_SESSION.SESSION_ID.eq(sessionId), AUTH_SESSION.REVOKED_AT.isNull())
                .execute();
        cache.sessionChanged(sessionId);
        db.update(REFRESH_TOKEN)
                .set(REFRESH_TOKEN.REVOKED_AT, at)
                .where(REFRESH_TOKEN.FAMILY_ID.eq(sessionId), REFRESH_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    @Override
    public void revokeAllSessionsOf(UUID userId, String reason, Instant at) {
        db.update(AUTH_SESSION)
                .set(AUTH_SESSION.REVOKED_AT, at)
                .set(AUTH_SESSION.REVOKE_REASON, reason)
                .where(AUTH_SESSION.USER_ID.eq(userId), AUTH_SESSION.REVOKED_AT.isNull())
                .returning(AUTH_SESSION.SESSION_ID)
                .fetch(AUTH_SESSION.SESSION_ID)
                .forEach(cache::sessionChanged);
        db.update(REFRESH_TOKEN)
                .set(REFRESH_TOKEN.REVOKED_AT, at)
                .where(REFRESH_TOKEN.FAMILY_ID.in(
                        db.select(AUTH_SESSION.SESSION_ID).from(AUTH_SESSION).where(AUTH_SESSION.USER_ID.eq(userId))))
                .and(REFRESH_TOKEN.REVOKED_AT.isNull())
                .execute();
    }

    @Override
    public Optional<SessionAccess> access(UUID sessionId) {
        return cache.access(sessionId);
    }
}
