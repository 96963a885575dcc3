package com.clinic.scheduling.application.port;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the facts scheduling needs about clinics, branches and doctors, which belong to the
 * directory context. Read from the directory's read models, so a change there shows up here a
 * moment later, never in the middle of one of our commands.
 */
public interface BranchDirectory {

    /** A branch as scheduling sees it: which clinic it belongs to and the zone its wall clock runs in. */
    record BranchFacts(UUID branchId, UUID clinicId, ZoneId zone) {}

    Optional<BranchFacts> branch(UUID branchId);

    default Optional<ZoneId> zoneOf(UUID branchId) {
        return branch(branchId).map(BranchFacts::zone);
    }

    default Optional<UUID> clinicOf(UUID branchId) {
        return branch(branchId).map(BranchFacts::clinicId);
    }

    boolean clinicExists(UUID clinicId);

    /** Active doctors of the specialty who work at the branch, in no particular order. */
    List<UUID> doctorsOf(UUID branchId, String specialty);

    /** Whether the doctor is active and works at the branch. */
    boolean worksAt(UUID doctorId, UUID branchId);

    /** The doctor whose user account this is, if it is a doctor's. */
    Optional<UUID> doctorOfUser(UUID userId);
}
