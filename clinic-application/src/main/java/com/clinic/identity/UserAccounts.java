package com.clinic.identity;

import com.clinic.platform.domain.Role;
import java.time.Duration;
import java.util.Objects;
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

    /**
     * A password that passed the policy and was hashed by {@link #admitSelfRegistration}, before the
     * caller's transaction: a hash takes tens of milliseconds of CPU and may queue for the hashing
     * pool, and a transaction holding a pooled connection meanwhile starves every other request.
     */
    record HashedPassword(String encoded) {

        public HashedPassword {
            Objects.requireNonNull(encoded, "encoded");
        }

        @Override
        public String toString() {
            return "HashedPassword[redacted]";
        }
    }

    /** A summary of an account, for linking and scoping (for example a doctor's user account). */
    record AccountSummary(UUID userId, Role role, boolean active, Optional<UUID> clinicId, Optional<UUID> branchId) {}

    /**
     * Creates an active PATIENT account. Rejects (409, {@code account.identifier-taken}) when the
     * e-mail or phone already belongs to an account, and (422) a password that breaks the policy.
     */
    void registerPatient(PatientSignUp signUp);

    /**
     * As {@link #registerPatient(PatientSignUp)}, with the password hashed beforehand by {@link
     * #admitSelfRegistration}; {@code signUp}'s own password is checked against the policy again, not
     * hashed.
     */
    void registerPatient(PatientSignUp signUp, HashedPassword password);

    /**
     * Counts one self-registration against the client's budget and each identifier's, and throws
     * (429, {@code auth.too-many-registrations}) when one is used up; then checks the password
     * against the policy (422) and hashes it, ranked by what is left of the client's budget. Call it
     * outside a transaction: the attempt counts even when the sign-up fails, and no connection is
     * held while the hash waits its turn.
     */
    HashedPassword admitSelfRegistration(
            String clientAddress, Optional<String> email, Optional<String> phone, String password);

    /**
     * How long self-registrations from this client are still refused, as far as this instance
     * already knows from its own refusals (no round trip); empty when it knows of none.
     */
    Optional<Duration> knownRegistrationRefusal(String clientAddress);

    Optional<AccountSummary> find(UUID userId);

    /**
     * Erases the login account of a patient who asked to be forgotten, in the caller's transaction:
     * its e-mail, phone (and their blind indexes), password hash and failed-sign-in records are
     * removed, its sessions revoked, and it can never sign in or be enabled again. Idempotent: an
     * unknown or already erased account is left as it is.
     */
    void erasePatientAccount(UUID userId);
}
