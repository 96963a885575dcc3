package com.clinic.directory.domain.doctor;

import com.clinic.platform.domain.AggregateCommand;
import java.util.UUID;

/** What can be asked of a doctor's directory entry. */
public sealed interface DoctorCommand extends AggregateCommand {

    UUID doctorId();

    @Override
    default String aggregateId() {
        return doctorId().toString();
    }

    /** {@code userId} is an account the application has already verified holds the DOCTOR role. */
    record RegisterDoctor(UUID doctorId, UUID userId, UUID clinicId, DoctorProfile profile) implements DoctorCommand {}

    record UpdateDoctorProfile(UUID doctorId, DoctorProfile profile) implements DoctorCommand {}

    record DeactivateDoctor(UUID doctorId) implements DoctorCommand {}

    record ActivateDoctor(UUID doctorId) implements DoctorCommand {}
}
