package com.clinic.identity.application.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the facts about clinics and branches that a staff account's scope must agree with. They
 * belong to the directory, which itself depends on identity (a patient's sign-up), so identity
 * reads them from the directory's read models instead of calling its code (ADR 0011).
 */
public interface StaffScopeDirectory {

    boolean clinicExists(UUID clinicId);

    /** The clinic the branch belongs to; empty when there is no such branch. */
    Optional<UUID> clinicOfBranch(UUID branchId);
}
