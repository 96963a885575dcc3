package com.clinic.identity.domain;

import com.clinic.platform.domain.DomainEvent;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a user account. Deliberately free of personal data and secrets: the stream is
 * immutable and replayed into read models, so an e-mail or a hash here could never be erased.
 * Scope ids ({@code clinicId}, {@code branchId}) are null when the role has no such scope, which
 * keeps the stored JSON plain.
 */
public sealed interface UserAccountEvent extends DomainEvent {

    UUID userId();

    @Override
    default String aggregateId() {
        return userId().toString();
    }

    record PatientAccountRegistered(UUID userId, String preferredLanguage, Instant at) implements UserAccountEvent {}

    record StaffAccountInvited(UUID userId, Role role, UUID clinicId, UUID branchId, UUID invitedBy, Instant at)
            implements UserAccountEvent {}

    record AccountActivated(UUID userId, Instant at) implements UserAccountEvent {}

    record RoleChanged(UUID userId, Role role, UUID clinicId, UUID branchId, Instant at) implements UserAccountEvent {}

    record AccountDisabled(UUID userId, Instant at) implements UserAccountEvent {}

    record AccountEnabled(UUID userId, Instant at) implements UserAccountEvent {}

    record PasswordChanged(UUID userId, Instant at) implements UserAccountEvent {}

    /** A reset link valid until {@code expiresAt} was issued; an earlier, unused one no longer works. */
    record PasswordResetRequested(UUID userId, Instant expiresAt, Instant at) implements UserAccountEvent {}

    /** The password was set anew with a reset link. */
    record PasswordReset(UUID userId, Instant at) implements UserAccountEvent {}

    /**
     * The person behind the account was erased: the login identifiers and password hash are gone
     * from the credential table, which identity wipes in the same transaction.
     */
    record AccountErased(UUID userId, Instant at) implements UserAccountEvent {}
}
