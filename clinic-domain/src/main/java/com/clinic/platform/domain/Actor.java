package com.clinic.platform.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is acting: the authenticated user, their role and the organisational scope they work in.
 * Staff below manager work in one branch; managers in one clinic; admins and auditors everywhere.
 */
public record Actor(UUID userId, Role role, Optional<UUID> clinicId, Optional<UUID> branchId) {

    /** The user id recorded when the system itself acts, e.g. a deadline expiring a hold. */
    public static final UUID SYSTEM_USER_ID = new UUID(0L, 0L);

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(branchId, "branchId");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean isAnyOf(Role... candidates) {
        for (Role candidate : candidates) {
            if (role == candidate) {
                return true;
            }
        }
        return false;
    }
}
