package com.clinic.directory.domain.patient;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What happened to a patient record. Personal data only ever appears sealed, as {@link Ciphertext}. */
public sealed interface PatientEvent extends DomainEvent {

    UUID patientId();

    @Override
    default String aggregateId() {
        return patientId().toString();
    }

    record PatientRegistered(
            UUID patientId,
            UUID clinicId,
            UUID homeBranchId,
            Optional<UUID> userId,
            Ciphertext profile,
            String preferredLanguage,
            Consents consents)
            implements PatientEvent {}

    record PatientUpdated(UUID patientId, Ciphertext profile, String preferredLanguage, Consents consents)
            implements PatientEvent {}

    /** Carries no personal data: the application shreds the patient's key in the same transaction. */
    record PatientErased(UUID patientId, UUID clinicId, UUID homeBranchId, Instant erasedAt) implements PatientEvent {}
}
