package com.clinic.directory.domain.branch;

import com.clinic.directory.domain.SiteProfile;
import com.clinic.platform.domain.DomainEvent;
import java.util.UUID;

/** What happened to a branch; every event names the clinic, so read models never need a lookup. */
public sealed interface BranchEvent extends DomainEvent {

    UUID branchId();

    UUID clinicId();

    @Override
    default String aggregateId() {
        return branchId().toString();
    }

    record BranchOpened(UUID branchId, UUID clinicId, SiteProfile profile) implements BranchEvent {}

    record BranchUpdated(UUID branchId, UUID clinicId, SiteProfile profile) implements BranchEvent {}
}
