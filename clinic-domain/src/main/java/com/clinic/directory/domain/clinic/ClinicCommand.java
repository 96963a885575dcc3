package com.clinic.directory.domain.clinic;

import com.clinic.directory.domain.SiteProfile;
import com.clinic.platform.domain.AggregateCommand;
import java.util.UUID;

/** What can be asked of a clinic. */
public sealed interface ClinicCommand extends AggregateCommand {

    UUID clinicId();

    @Override
    default String aggregateId() {
        return clinicId().toString();
    }

    record CreateClinic(UUID clinicId, SiteProfile profile) implements ClinicCommand {}

    record UpdateClinic(UUID clinicId, SiteProfile profile) implements ClinicCommand {}
}
