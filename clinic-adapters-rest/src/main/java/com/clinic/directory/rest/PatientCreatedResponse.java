package com.clinic.directory.rest;

import com.clinic.directory.application.port.PatientView;
import com.clinic.directory.domain.patient.Consents;
import java.util.UUID;

/**
 * The answer to creating a patient: deliberately without personal data, because the first response
 * to an Idempotency-Key is stored for replay, and nothing personal may be stored unencrypted. The
 * record itself is at the Location.
 */
record PatientCreatedResponse(
        UUID id, UUID clinicId, UUID homeBranchId, String preferredLanguage, Consents consents, long version) {

    static PatientCreatedResponse of(PatientView view) {
        return new PatientCreatedResponse(
                view.id(),
                view.clinicId(),
                view.homeBranchId(),
                view.preferredLanguage(),
                view.consents(),
                view.version());
    }
}
