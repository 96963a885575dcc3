package com.clinic.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * What identity needs to know about clinics and branches to check a staff account's scope. The
 * directory owns those facts and implements this interface: it already depends on identity (a
 * patient's sign-up), so identity asks through its own API instead of calling the directory's,
 * which would close a module cycle (ADR 0011, 0017).
 */
public interface StaffScopeDirectory {

    boolean clinicExists(UUID clinicId);

    /** The clinic the branch belongs to; empty when there is no such branch. */
    Optional<UUID> clinicOfBranch(UUID branchId);
}
