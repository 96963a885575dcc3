package com.clinic.directory.domain.patient;

import java.util.Optional;
import java.util.UUID;

/** A patient record is absent, registered, or erased (final: nothing about them may be recorded again). */
public sealed interface PatientState {

    record Absent() implements PatientState {}

    record Registered(UUID patientId, UUID clinicId, UUID homeBranchId, Optional<UUID> userId)
            implements PatientState {}

    /** Keeps the linked account's id (a pseudonymous id, no personal data) so a retried erasure reaches it too. */
    record Erased(UUID patientId, Optional<UUID> userId) implements PatientState {}
}
