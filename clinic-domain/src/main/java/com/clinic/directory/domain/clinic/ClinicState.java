package com.clinic.directory.domain.clinic;

import com.clinic.directory.domain.SiteProfile;
import java.util.UUID;

/** A clinic either does not exist yet or exists with its current profile. */
public sealed interface ClinicState {

    record Absent() implements ClinicState {}

    record Existing(UUID clinicId, SiteProfile profile) implements ClinicState {}
}
