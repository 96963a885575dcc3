package com.clinic.identity.application.port;

import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: sign-in sessions (refresh-token families) and their refresh tokens, stored only as SHA-256
 * hashes. A session is what an access token's {@code sid} claim points at.
 */
public interface SessionStore {

    /** The outcome of presenting a refresh token. */
    sealed interface RefreshUse {
        /** The token was valid and is now used up; a successor may be issued in the same family. */
        record Rotated(UUID sessionId, UUID userId) implements RefreshUse {}

        /** The token had been used before: whoever holds it now may have stolen it. */
        record Reused(UUID sessionId) implements RefreshUse {}

        /** Unknown, expired or revoked. */
        record Rejected() implements RefreshUse {}
    }

    /** What a per-request access check needs about a session and its account. */
    record SessionAccess(
            UUID userId,
            boolean revoked,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            boolean accountActive) {}

    void openSession(UUID sessionId, UUID userId, Instant at);

    void storeRefreshToken(String tokenHash, UUID sessionId, UUID userId, Instant issuedAt, Instant expiresAt);

    /**
     * Marks the token used if it is unused, unrevoked and unexpired, in one conditional update, so
     * that of two concurrent refreshes with one token exactly one succeeds.
     */
    RefreshUse useRefreshToken(String tokenHash, Instant now);

    /** The session a refresh token belongs to, whatever the token's state. */
    Optional<UUID> sessionOfRefreshToken(String tokenHash);

    void revokeSession(UUID sessionId, String reason, Instant at);

    void revokeAllSessionsOf(UUID userId, String reason, Instant at);

    /**
     * Read on every authenticated request, so answered without a database round trip where it can be:
     * it may lag a change made on another instance by a bounded time (ADR 0014), never one made
     * through this store once the changing transaction has completed.
     */
    Optional<SessionAccess> access(UUID sessionId);
}
