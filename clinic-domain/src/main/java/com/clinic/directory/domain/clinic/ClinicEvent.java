package com.clinic.directory.domain.clinic;

import com.clinic.directory.domain.SiteProfile;
import com.clinic.platform.domain.DomainEvent;
import java.util.UUID;

/** What happened to a clinic. */
public sealed interface ClinicEvent extends DomainEvent {

    UUID clinicId();

    @Override
    default String aggregateId() {
        return clinicId().toString();
    }

    record ClinicCreated(UUID clinicId, SiteProfile profile) implements ClinicEvent {}

    record ClinicUpdated(UUID clinicId, SiteProfile profile) implements ClinicEvent {}
}
