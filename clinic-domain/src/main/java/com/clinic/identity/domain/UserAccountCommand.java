package com.clinic.identity.domain;

import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What may be asked of a user account. Credentials (e-mail, phone, password hash) never travel in
 * commands or events: they live in a write-side table the application writes in the same transaction.
 */
public sealed interface UserAccountCommand extends AggregateCommand {

    UUID userId();

    @Override
    default String aggregateId() {
        return userId().toString();
    }

    /** A patient signed themselves up; their account is active at once. */
    record RegisterPatientAccount(UUID userId, String preferredLanguage, Instant at) implements UserAccountCommand {
        public RegisterPatientAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(preferredLanguage, "preferredLanguage");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A staff member was invited by an administrator or manager; the account waits for activation. */
    record InviteStaffAccount(
            UUID userId, Role role, Optional<UUID> clinicId, Optional<UUID> branchId, UUID invitedBy, Instant at)
            implements UserAccountCommand {
        public InviteStaffAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(clinicId, "clinicId");
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(invitedBy, "invitedBy");
            Objects.requireNonNull(at, "at");
        }
    }

    record ActivateAccount(UUID userId, Instant at) implements UserAccountCommand {
        public ActivateAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    record ChangeRole(UUID userId, Role role, Optional<UUID> clinicId, Optional<UUID> branchId, Instant at)
            implements UserAccountCommand {
        public ChangeRole {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(clinicId, "clinicId");
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(at, "at");
        }
    }

    record DisableAccount(UUID userId, Instant at) implements UserAccountCommand {
        public DisableAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    record EnableAccount(UUID userId, Instant at) implements UserAccountCommand {
        public EnableAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The account's person asked to be forgotten (their patient record was erased); final and idempotent. */
    record EraseAccount(UUID userId, Instant at) implements UserAccountCommand {
        public EraseAccount {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Records that the password changed; the new hash itself is stored outside the event stream. */
    record ChangePassword(UUID userId, Instant at) implements UserAccountCommand {
        public ChangePassword {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The account's owner asked for a link to set a new password; the link's secret is kept by the
     * application, hashed, never here.
     */
    record RequestPasswordReset(UUID userId, Instant expiresAt, Instant at) implements UserAccountCommand {
        public RequestPasswordReset {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A new password was set with a reset link; like a change, it ends every session. */
    record ResetPassword(UUID userId, Instant at) implements UserAccountCommand {
        public ResetPassword {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }
}
