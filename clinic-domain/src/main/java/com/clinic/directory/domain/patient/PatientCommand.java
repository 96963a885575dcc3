package com.clinic.directory.domain.patient;

import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.Ciphertext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What can be asked of a patient record. The personal profile (names, birth date, sex, identity
 * numbers, contact details) arrives already sealed with the patient's own key: the domain never
 * needs to read it, and erasing the key makes every copy unreadable.
 */
public sealed interface PatientCommand extends AggregateCommand {

    UUID patientId();

    @Override
    default String aggregateId() {
        return patientId().toString();
    }

    /** {@code userId} is present for patients who registered themselves and can log in. */
    record RegisterPatient(
            UUID patientId,
            UUID clinicId,
            UUID homeBranchId,
            Optional<UUID> userId,
            Ciphertext profile,
            String preferredLanguage,
            Consents consents)
            implements PatientCommand {}

    record UpdatePatient(UUID patientId, Ciphertext profile, String preferredLanguage, Consents consents)
            implements PatientCommand {}

    record ErasePatient(UUID patientId, Instant erasedAt) implements PatientCommand {}
}
