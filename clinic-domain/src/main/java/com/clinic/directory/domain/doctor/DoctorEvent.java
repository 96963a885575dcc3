package com.clinic.directory.domain.doctor;

import com.clinic.platform.domain.DomainEvent;
import java.util.UUID;

/** What happened to a doctor's directory entry. */
public sealed interface DoctorEvent extends DomainEvent {

    UUID doctorId();

    @Override
    default String aggregateId() {
        return doctorId().toString();
    }

    record DoctorRegistered(UUID doctorId, UUID userId, UUID clinicId, DoctorProfile profile) implements DoctorEvent {}

    record DoctorProfileUpdated(UUID doctorId, DoctorProfile profile) implements DoctorEvent {}

    record DoctorDeactivated(UUID doctorId) implements DoctorEvent {}

    record DoctorActivated(UUID doctorId) implements DoctorEvent {}
}
