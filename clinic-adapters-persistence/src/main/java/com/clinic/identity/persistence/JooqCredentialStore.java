package com.clinic.identity.persistence;

import static com.clinic.identity.persistence.jooq.Tables.USER_CREDENTIAL;

import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.persistence.jooq.tables.records.UserCredentialRecord;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/**
 * Credentials in PostgreSQL. The insert is {@code ON CONFLICT DO NOTHING}: a taken e-mail or phone
 * index is reported as "not inserted" without aborting the caller's transaction, and a concurrent
 * insert of the same login waits for the other transaction and then loses cleanly.
 */
@Repository
class JooqCredentialStore implements CredentialStore {

    private final DSLContext db;
    private final SessionAccessCache cache;

    JooqCredentialStore(DSLContext db, SessionAccessCache cache) {
        this.db = db;
        this.cache = cache;
    }

    @Override
    public boolean insert(NewCredential credential) {
        return db.insertInto(USER_CREDENTIAL)
                        .set(USER_CREDENTIAL.USER_ID, credential.userId())
                        .set(
                                USER_CREDENTIAL.EMAIL_ENCRYPTED,
                                credential.emailEncrypted().orElse(null))
                        .set(
                                USER_CREDENTIAL.EMAIL_INDEX,
                                credential.emailIndex().orElse(null))
                        .set(
                                USER_CREDENTIAL.PHONE_ENCRYPTED,
                                credential.phoneEncrypted().orElse(null))
                        .set(
                                USER_CREDENTIAL.PHONE_INDEX,
                                credential.phoneIndex().orElse(null))
                        .set(
                                USER_CREDENTIAL.PASSWORD_HASH,
                                credential.passwordHash().orElse(null))
                        .set(USER_CREDENTIAL.ROLE, credential.role().name())
                        .set(USER_CREDENTIAL.CLINIC_ID, credential.clinicId().orElse(null))
                        .set(USER_CREDENTIAL.BRANCH_ID, credential.branchId().orElse(null))
                        .set(USER_CREDENTIAL.ACTIVATED, credential.activated())
                        .set(USER_CREDENTIAL.DISABLED, false)
                        .set(
                                USER_CREDENTIAL.ACTIVATION_TOKEN_HASH,
                                credential.activationTokenHash().orElse(null))
                        .set(
                                USER_CREDENTIAL.ACTIVATION_EXPIRES_AT,
                                credential.activationExpiresAt().orElse(null))
                        .set(USER_CREDENTIAL.CREATED_AT, credential.createdAt())
                        .set(USER_CREDENTIAL.UPDATED_AT, credential.createdAt())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public Optional<Credential> findById(UUID userId) {
        return db.selectFrom(USER_CREDENTIAL)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .fetchOptional()
                .map(JooqCredentialStore::toCredential);
    }

    @Override
    public Optional<Credential> findByLoginIndex(String loginIndex) {
        return db.selectFrom(USER_CREDENTIAL)
                .where(USER_CREDENTIAL.EMAIL_INDEX.eq(loginIndex).or(USER_CREDENTIAL.PHONE_INDEX.eq(loginIndex)))
                .fetchOptional()
                .map(JooqCredentialStore::toCredential);
    }

    @Override
    public Optional<PendingActivation> findByActivationTokenHash(String tokenHash) {
        return db.select(USER_CREDENTIAL.USER_ID, USER_CREDENTIAL.ACTIVATION_EXPIRES_AT)
                .from(USER_CREDENTIAL)
                .where(USER_CREDENTIAL.ACTIVATION_TOKEN_HASH.eq(tokenHash))
                .fetchOptional(Records.mapping(PendingActivation::new));
    }

    @Override
    public void completeActivation(UUID userId, String passwordHash, Instant at) {
        db.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.PASSWORD_HASH, passwordHash)
                .setNull(USER_CREDENTIAL.ACTIVATION_TOKEN_HASH)
                .setNull(USER_CREDENTIAL.ACTIVATION_EXPIRES_AT)
                .set(USER_CREDENTIAL.UPDATED_AT, at)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    @Override
    public void changePasswordHash(UUID userId, String passwordHash, Instant at) {
        db.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.PASSWORD_HASH, passwordHash)
                .set(USER_CREDENTIAL.UPDATED_AT, at)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    @Override
    public void startPasswordReset(UUID userId, String tokenHash, Instant expiresAt, Instant at) {
        db.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.RESET_TOKEN_HASH, tokenHash)
                .set(USER_CREDENTIAL.RESET_EXPIRES_AT, expiresAt)
                .set(USER_CREDENTIAL.UPDATED_AT, at)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    @Override
    public Optional<PendingReset> findByResetTokenHash(String tokenHash) {
        return db.select(USER_CREDENTIAL.USER_ID, USER_CREDENTIAL.RESET_EXPIRES_AT)
                .from(USER_CREDENTIAL)
                .where(USER_CREDENTIAL.RESET_TOKEN_HASH.eq(tokenHash))
                .fetchOptional(Records.mapping(PendingReset::new));
    }

    @Override
    public void completePasswordReset(UUID userId, String passwordHash, Instant at) {
        db.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.PASSWORD_HASH, passwordHash)
                .setNull(USER_CREDENTIAL.RESET_TOKEN_HASH)
                .setNull(USER_CREDENTIAL.RESET_EXPIRES_AT)
                .set(USER_CREDENTIAL.UPDATED_AT, at)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    @Override
    public void erase(UUID userId, Instant at) {
        db.update(USER_CREDENTIAL)
                .setNull(USER_CREDENTIAL.EMAIL_ENCRYPTED)
                .setNull(USER_CREDENTIAL.EMAIL_INDEX)
                .setNull(USER_CREDENTIAL.PHONE_ENCRYPTED)
                .setNull(USER_CREDENTIAL.PHONE_INDEX)
                .setNull(USER_CREDENTIAL.PASSWORD_HASH)
                .setNull(USER_CREDENTIAL.ACTIVATION_TOKEN_HASH)
                .setNull(USER_CREDENTIAL.ACTIVATION_EXPIRES_AT)
                .setNull(USER_CREDENTIAL.RESET_TOKEN_HASH)
                .setNull(USER_CREDENTIAL.RESET_EXPIRES_AT)
                .set(USER_CREDENTIAL.DISABLED, true)
                .set(USER_CREDENTIAL.ERASED_AT, at)
                .set(USER_CREDENTIAL.UPDATED_AT, at)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    @Override
    public void mirror(
            UUID userId,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            boolean activated,
            boolean disabled,
            Instant at) {
        db.update(USER_CREDENTIAL)
                .set(USER_CREDENTIAL.ROLE, role.name())
                .set(USER_CREDENTIAL.CLINIC_ID, clinicId.orElse(null))
                .set(USER_CREDENTIAL.BRANCH_ID, branchId.orElse(null))
                .set(USER_CREDENTIAL.ACTIVATED, activated)
                .set(USER_CREDENTIAL.DISABLED, disabled)
                .set(USER_CREDENTIAL.UPDATED_AT, at)
                .where(USER_CREDENTIAL.USER_ID.eq(userId))
                .execute();
        cache.accountChanged(userId);
    }

    private static Credential toCredential(UserCredentialRecord row) {
        return new Credential(
                row.getUserId(),
                Optional.ofNullable(row.getEmailEncrypted()),
                Optional.ofNullable(row.getPhoneEncrypted()),
                Optional.ofNullable(row.getPasswordHash()),
                Role.valueOf(row.getRole()),
                Optional.ofNullable(row.getClinicId()),
                Optional.ofNullable(row.getBranchId()),
                row.getActivated(),
                row.getDisabled());
    }
}
