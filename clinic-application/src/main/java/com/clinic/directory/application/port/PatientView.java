package com.clinic.directory.application.port;

import com.clinic.directory.domain.patient.Consents;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient record as authorised readers see it. After erasure {@code personalData} is empty and
 * {@code erased} true: the key that could open it no longer exists.
 */
public record PatientView(
        UUID id,
        UUID clinicId,
        UUID homeBranchId,
        Optional<UUID> userId,
        Optional<PatientPersonalData> personalData,
        String preferredLanguage,
        Consents consents,
        boolean erased,
        long version) {}
