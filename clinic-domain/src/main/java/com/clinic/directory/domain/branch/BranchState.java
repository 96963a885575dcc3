package com.clinic.directory.domain.branch;

import com.clinic.directory.domain.SiteProfile;
import java.util.UUID;

/** A branch either does not exist yet or is open, belonging to one clinic for life. */
public sealed interface BranchState {

    record Absent() implements BranchState {}

    record Open(UUID branchId, UUID clinicId, SiteProfile profile) implements BranchState {}
}
