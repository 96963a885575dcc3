package com.clinic.directory.domain.branch;

import com.clinic.directory.domain.SiteProfile;
import com.clinic.platform.domain.AggregateCommand;
import java.util.UUID;

/** What can be asked of a branch. */
public sealed interface BranchCommand extends AggregateCommand {

    UUID branchId();

    @Override
    default String aggregateId() {
        return branchId().toString();
    }

    /** The profile's currency is already resolved (defaulted to the clinic's by the application). */
    record OpenBranch(UUID branchId, UUID clinicId, SiteProfile profile) implements BranchCommand {}

    record UpdateBranch(UUID branchId, SiteProfile profile) implements BranchCommand {}
}
