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

    /** Whether the actor's own scope is this clinic (a manager's, or a doctor's or receptionist's). */
    public boolean worksInClinic(UUID clinic) {
        return clinicId.filter(clinic::equals).isPresent();
    }

    /**
     * Whether the actor's own scope reaches this branch of this clinic: a manager of the clinic, or a
     * doctor or receptionist whose clinic AND branch are these. Every scope check goes through here,
     * so an account whose branch lies outside its clinic (possible before scopes were checked against
     * the directory) reaches neither that branch nor the other clinic. Administrators carry no scope:
     * callers decide what they see.
     */
    public boolean worksAt(UUID clinic, UUID branch) {
        if (!worksInClinic(clinic)) {
            return false;
        }
        return branchId.map(branch::equals).orElse(role == Role.MANAGER);
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
