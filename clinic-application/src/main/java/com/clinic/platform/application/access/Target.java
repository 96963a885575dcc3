package com.clinic.platform.application.access;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an operation is applied to, as far as access is concerned: where it lives (clinic, branch)
 * and whose it is (a doctor's, a patient's). Unknown parts stay empty; a grant that needs a part the
 * target lacks does not reach it.
 */
public record Target(
        Optional<UUID> clinicId, Optional<UUID> branchId, Optional<UUID> doctorId, Optional<UUID> patientId) {

    public Target {
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(patientId, "patientId");
    }

    public static Target clinic(UUID clinicId) {
        return new Target(Optional.of(clinicId), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Target branch(UUID clinicId, UUID branchId) {
        return new Target(Optional.of(clinicId), Optional.of(branchId), Optional.empty(), Optional.empty());
    }

    /** A patient's record or what belongs to it, wherever it lives. */
    public static Target patient(UUID patientId) {
        return new Target(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(patientId));
    }

    public Target ofDoctor(UUID doctor) {
        return new Target(clinicId, branchId, Optional.of(doctor), patientId);
    }

    public Target ofPatient(UUID patient) {
        return new Target(clinicId, branchId, doctorId, Optional.of(patient));
    }
}
