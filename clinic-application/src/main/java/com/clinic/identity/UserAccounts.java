package com.clinic.identity;

import com.clinic.platform.domain.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * What other contexts may ask of identity. Calls join the caller's transaction, so a patient's
 * account and their patient record are created, or refused, together.
 */
public interface UserAccounts {

    /** A patient signing themselves up: login by e-mail or phone (at least one), with a password. */
    record PatientSignUp(
            UUID userId,
            Optional<String> email,
            Optional<String> phoneE164,
            String password,
            String preferredLanguage) {}

    /** A summary of an account, for linking and scoping (for example a doctor's user account). */
    record AccountSummary(UUID userId, Role role, boolean active, Optional<UUID> clinicId, Optional<UUID> branchId) {}

    /**
     * Creates an active PATIENT account. Rejects (409, {@code account.identifier-taken}) when the
     * e-mail or phone already belongs to an account, and (422) a password that breaks the policy.
     */
    void registerPatient(PatientSignUp signUp);

    /**
     * Counts one self-registration against the client's budget and each identifier's, and throws
     * (429, {@code auth.too-many-registrations}) when one is used up. Call it before anything is
     * written or hashed, and outside a transaction: the attempt counts even when the sign-up fails.
     */
    void admitSelfRegistration(String clientAddress, Optional<String> email, Optional<String> phone);

    Optional<AccountSummary> find(UUID userId);

    /**
     * Erases the login account of a patient who asked to be forgotten, in the caller's transaction:
     * its e-mail, phone (and their blind indexes), password hash and failed-sign-in records are
     * removed, its sessions revoked, and it can never sign in or be enabled again. Idempotent: an
     * unknown or already erased account is left as it is.
     */
    void erasePatientAccount(UUID userId);
}
