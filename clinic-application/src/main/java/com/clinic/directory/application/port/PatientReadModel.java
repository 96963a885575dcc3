package com.clinic.directory.application.port;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Port: the patient read model; adapters decrypt the encrypted columns for the views they return. */
public interface PatientReadModel {

    /**
     * Criteria are combined; {@code clinicId}/{@code branchId} restrict to the caller's scope.
     * {@code phoneBlindIndex} is {@code FieldCipher.blindIndex(e164)}. Erased patients never match.
     */
    record Search(
            Optional<String> name,
            Optional<String> phoneBlindIndex,
            Optional<UUID> clinicId,
            Optional<UUID> branchId) {}

    Optional<PatientView> patient(UUID patientId);

    Optional<PatientView> patientOfUser(UUID userId);

    /** Ordered by English name, then id. */
    Page<PatientSummary> search(Search search, PageRequest page);
}
