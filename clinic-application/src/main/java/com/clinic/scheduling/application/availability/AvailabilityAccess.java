package com.clinic.scheduling.application.availability;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Role;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with availability. The HTTP layer's role checks say the same; repeating them
 * here with the data scope (clinic, branch, own doctor record) holds every entry point to it.
 */
final class AvailabilityAccess {

    private AvailabilityAccess() {}

    /** ADMIN anywhere, the clinic's MANAGER, or a RECEPTIONIST of that very branch. */
    static boolean mayEditSchedules(Actor actor, BranchFacts branch) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case MANAGER, RECEPTIONIST -> actor.worksAt(branch.clinicId(), branch.branchId());
            case DOCTOR, PATIENT, AUDITOR -> false;
        };
    }

    static void requireScheduleEditor(Actor actor, BranchFacts branch) {
        if (!mayEditSchedules(actor, branch)) {
            throw new AccessDeniedException("may not edit schedules at branch " + branch.branchId());
        }
    }

    /** Editors, auditors, and the doctor whose schedule it is. */
    static void requireScheduleReader(Actor actor, BranchFacts branch, UUID doctorId, DirectoryFacts directory) {
        if (mayEditSchedules(actor, branch) || actor.is(Role.AUDITOR)) {
            return;
        }
        if (actor.is(Role.DOCTOR)
                && actor.worksInClinic(branch.clinicId())
                && directory
                        .doctorIdOfUser(actor.userId())
                        .filter(doctorId::equals)
                        .isPresent()) {
            return;
        }
        throw new AccessDeniedException("may not read the schedule of doctor " + doctorId);
    }

    /** ADMIN anywhere, or the MANAGER of that clinic. */
    static void requireTypeAdministrator(Actor actor, UUID clinicId) {
        if (!administersTypes(actor, clinicId)) {
            throw new AccessDeniedException("may not manage appointment types of clinic " + clinicId);
        }
    }

    static boolean administersTypes(Actor actor, UUID clinicId) {
        return actor.is(Role.ADMIN) || (actor.is(Role.MANAGER) && actor.worksInClinic(clinicId));
    }
}
