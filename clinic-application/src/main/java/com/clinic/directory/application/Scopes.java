package com.clinic.directory.application;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may act where. ADMIN everywhere; MANAGER in their clinic; DOCTOR and RECEPTIONIST in their
 * branch. These checks repeat, in the application, what the HTTP layer's role checks allow, so that
 * every entry point (REST, demo seeding, future messaging) is held to the same rules.
 */
public final class Scopes {

    private Scopes() {}

    public static void requireRole(Actor actor, Role... roles) {
        if (!actor.isAnyOf(roles)) {
            throw new AccessDeniedException("role " + actor.role() + " may not do this");
        }
    }

    /** ADMIN anywhere; MANAGER only in their own clinic. */
    public static void requireClinicAdministration(Actor actor, UUID clinicId) {
        if (actor.is(Role.ADMIN)) {
            return;
        }
        if (actor.is(Role.MANAGER) && actor.worksInClinic(clinicId)) {
            return;
        }
        throw new AccessDeniedException("not an administrator of clinic " + clinicId);
    }

    /** Whether the actor's work covers patients of this clinic and branch. */
    public static boolean coversBranch(Actor actor, UUID clinicId, UUID branchId) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case MANAGER, DOCTOR, RECEPTIONIST -> actor.worksAt(clinicId, branchId);
            case PATIENT, AUDITOR -> false;
        };
    }

    /** A staff member whose account carries no clinic or branch cannot be scoped, so sees nothing. */
    public static AccessDeniedException noScope() {
        return new AccessDeniedException("the account has no clinic or branch to scope by");
    }
}
