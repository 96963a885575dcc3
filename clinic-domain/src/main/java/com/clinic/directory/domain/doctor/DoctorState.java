package com.clinic.directory.domain.doctor;

import java.util.UUID;

/** A doctor is either not registered yet, or registered (and then active or not). */
public sealed interface DoctorState {

    record Absent() implements DoctorState {}

    record Registered(UUID doctorId, UUID userId, UUID clinicId, DoctorProfile profile, boolean active)
            implements DoctorState {

        Registered with(DoctorProfile newProfile) {
            return new Registered(doctorId, userId, clinicId, newProfile, active);
        }

        Registered active(boolean nowActive) {
            return new Registered(doctorId, userId, clinicId, profile, nowActive);
        }
    }
}
