package com.clinic.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A staff member was invited: published in the transaction that stores the invitation, for whoever
 * sends it (the notifications context). Like {@link PasswordResetLinkIssued} it carries the
 * activation secret, so it is an in-process event that is never stored.
 *
 * @param token the activation secret, also answered once to the inviting administrator
 * @param email the invited address, which the account will sign in with
 * @param clinicId the clinic the role belongs to, for roles that have one
 * @param branchId the branch the role belongs to, for roles that have one
 */
public record StaffInvitationIssued(
        UUID userId,
        String token,
        Instant expiresAt,
        String email,
        Optional<UUID> clinicId,
        Optional<UUID> branchId,
        Instant at) {

    public StaffInvitationIssued {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "StaffInvitationIssued[userId=" + userId + ", expiresAt=" + expiresAt + ", token=redacted]";
    }
}
