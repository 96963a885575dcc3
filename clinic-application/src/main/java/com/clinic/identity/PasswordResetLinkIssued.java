package com.clinic.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A password reset link was issued; published in the transaction that stores it, for whoever sends
 * it to the account's owner (the notifications context). It carries the link's secret, so it is an
 * in-process application event that is never stored: the account's own stream records only that a
 * link was issued and until when. The addresses are the account's logins, the only ones its owner
 * is known to control.
 *
 * @param token the link's one-time secret
 * @param email the account's e-mail login, if it has one
 * @param phoneE164 the account's phone login, if it has one
 * @param clinicId the clinic of a staff role that has one (a patient's account has none)
 * @param branchId the branch of a staff role that has one
 */
public record PasswordResetLinkIssued(
        UUID userId,
        String token,
        Instant expiresAt,
        Optional<String> email,
        Optional<String> phoneE164,
        Optional<UUID> clinicId,
        Optional<UUID> branchId,
        Instant at) {

    public PasswordResetLinkIssued {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phoneE164, "phoneE164");
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "PasswordResetLinkIssued[userId=" + userId + ", expiresAt=" + expiresAt + ", token=redacted]";
    }
}
