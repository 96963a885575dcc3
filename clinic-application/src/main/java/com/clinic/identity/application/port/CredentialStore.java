package com.clinic.identity.application.port;

import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the write-side credential of each account (encrypted login identifiers with their blind
 * indexes, the password hash, a pending activation) and a synchronous mirror of the account's role,
 * scope and status, so that signing in and checking a token never wait for a projection.
 * Every write joins the caller's transaction.
 */
public interface CredentialStore {

    record NewCredential(
            UUID userId,
            Optional<String> emailEncrypted,
            Optional<String> emailIndex,
            Optional<String> phoneEncrypted,
            Optional<String> phoneIndex,
            Optional<String> passwordHash,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            boolean activated,
            Optional<String> activationTokenHash,
            Optional<Instant> activationExpiresAt,
            Instant createdAt) {}

    record Credential(
            UUID userId,
            Optional<String> emailEncrypted,
            Optional<String> phoneEncrypted,
            Optional<String> passwordHash,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            boolean activated,
            boolean disabled) {

        public boolean canSignIn() {
            return activated && !disabled && passwordHash.isPresent();
        }
    }

    record PendingActivation(UUID userId, Instant expiresAt) {}

    record PendingReset(UUID userId, Instant expiresAt) {}

    /**
     * Inserts the credential unless its e-mail or phone index (or its id) is already taken, atomically
     * with concurrent inserts; false when taken.
     */
    boolean insert(NewCredential credential);

    Optional<Credential> findById(UUID userId);

    /** The credential whose e-mail or phone blind index equals {@code loginIndex}. */
    Optional<Credential> findByLoginIndex(String loginIndex);

    Optional<PendingActivation> findByActivationTokenHash(String tokenHash);

    /** Stores the first password hash and consumes the activation token. */
    void completeActivation(UUID userId, String passwordHash, Instant at);

    void changePasswordHash(UUID userId, String passwordHash, Instant at);

    /** Keeps the hash of a new reset link's secret; the account's earlier link stops working. */
    void startPasswordReset(UUID userId, String tokenHash, Instant expiresAt, Instant at);

    Optional<PendingReset> findByResetTokenHash(String tokenHash);

    /** Stores the new password hash and consumes the reset link. */
    void completePasswordReset(UUID userId, String passwordHash, Instant at);

    /**
     * Removes everything that identifies the account's person or lets anyone sign in as them: the
     * encrypted e-mail and phone with their blind indexes, the password hash and any activation
     * token and reset link; the row stays (disabled, marked erased) because sessions and events refer to its id.
     */
    void erase(UUID userId, Instant at);

    /** Mirrors the aggregate's role, scope and status after a command changed them. */
    void mirror(
            UUID userId,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            boolean activated,
            boolean disabled,
            Instant at);
}
