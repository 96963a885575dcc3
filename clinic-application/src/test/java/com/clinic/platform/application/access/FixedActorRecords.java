package com.clinic.platform.application.access;

import com.clinic.platform.application.access.port.ActorRecords;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The directory records of a few user accounts, for access rules tested without a directory. */
public final class FixedActorRecords implements ActorRecords {

    private final Map<UUID, UUID> doctors = new HashMap<>();
    private final Map<UUID, UUID> patients = new HashMap<>();

    public FixedActorRecords doctor(UUID userId, UUID doctorId) {
        doctors.put(userId, doctorId);
        return this;
    }

    public FixedActorRecords patient(UUID userId, UUID patientId) {
        patients.put(userId, patientId);
        return this;
    }

    public AccessPolicy policy() {
        return new AccessPolicy(this);
    }

    @Override
    public Optional<UUID> activeDoctorOf(UUID userId) {
        return Optional.ofNullable(doctors.get(userId));
    }

    @Override
    public Optional<UUID> livingPatientOf(UUID userId) {
        return Optional.ofNullable(patients.get(userId));
    }
}
