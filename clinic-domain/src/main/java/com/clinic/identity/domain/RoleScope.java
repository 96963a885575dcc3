package com.clinic.identity.domain;

import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * Which organisational scope each role works in: doctors and receptionists in one branch of one
 * clinic, managers in one clinic, administrators, auditors and patients in none.
 */
public final class RoleScope {

    private RoleScope() {}

    /** Rejects (422 {@code account.scope-invalid}) a clinic or branch that does not fit the role. */
    public static void check(Role role, Optional<UUID> clinicId, Optional<UUID> branchId) {
        boolean valid =
                switch (role) {
                    case DOCTOR, RECEPTIONIST -> clinicId.isPresent() && branchId.isPresent();
                    case MANAGER -> clinicId.isPresent() && branchId.isEmpty();
                    case ADMIN, AUDITOR, PATIENT -> clinicId.isEmpty() && branchId.isEmpty();
                };
        if (!valid) {
            throw new Rejection.RuleViolated("account.scope-invalid", role.name());
        }
    }
}
