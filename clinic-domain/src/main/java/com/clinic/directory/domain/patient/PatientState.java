package com.clinic.directory.domain.patient;

import java.util.Optional;
import java.util.UUID;

/** A patient record is absent, registered, or erased (final: nothing about them may be recorded again). */
public sealed interface PatientState {

    record Absent() implements PatientState {}

    record Registered(UUID patientId, UUID clinicId, UUID homeBranchId, Optional<UUID> userId)
            implements PatientState {}

    record Erased(UUID patientId) implements PatientState {}
}
