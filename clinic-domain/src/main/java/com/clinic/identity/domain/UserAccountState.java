package com.clinic.identity.domain;

import com.clinic.platform.domain.Role;
import java.util.Optional;
import java.util.UUID;

/** An account's state as far as decisions need it. */
public sealed interface UserAccountState {

    /** No account exists under this id yet. */
    record None() implements UserAccountState {}

    record Existing(
            UUID userId,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            boolean activated,
            boolean disabled,
            boolean erased)
            implements UserAccountState {

        public AccountStatus status() {
            if (erased) {
                return AccountStatus.ERASED;
            }
            if (disabled) {
                return AccountStatus.DISABLED;
            }
            return activated ? AccountStatus.ACTIVE : AccountStatus.PENDING;
        }

        Existing withRole(Role newRole, Optional<UUID> newClinicId, Optional<UUID> newBranchId) {
            return new Existing(userId, newRole, newClinicId, newBranchId, activated, disabled, erased);
        }

        Existing withActivated() {
            return new Existing(userId, role, clinicId, branchId, true, disabled, erased);
        }

        Existing withDisabled(boolean nowDisabled) {
            return new Existing(userId, role, clinicId, branchId, activated, nowDisabled, erased);
        }

        /** Erased implies disabled, so every rule that refuses a disabled account refuses it too. */
        Existing withErased() {
            return new Existing(userId, role, clinicId, branchId, activated, true, true);
        }
    }
}
