package com.clinic.directory.rest;

import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.PatientView;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import java.time.LocalDate;
import java.util.UUID;

/** A patient record; after erasure every personal field is null and {@code erased} is true. */
record PatientResponse(
        UUID id,
        UUID clinicId,
        UUID homeBranchId,
        UUID userId,
        String nameAr,
        String nameEn,
        LocalDate dateOfBirth,
        Sex sex,
        String nationalId,
        String passportNumber,
        String phone,
        String email,
        EmergencyContact emergencyContact,
        String preferredLanguage,
        Consents consents,
        boolean erased,
        long version) {

    record EmergencyContact(String name, String phone) {}

    static PatientResponse of(PatientView view) {
        PatientPersonalData p = view.personalData().orElse(null);
        return new PatientResponse(
                view.id(),
                view.clinicId(),
                view.homeBranchId(),
                view.userId().orElse(null),
                p == null ? null : p.nameAr(),
                p == null ? null : p.nameEn(),
                p == null ? null : p.dateOfBirth(),
                p == null ? null : p.sex(),
                p == null ? null : p.nationalId().orElse(null),
                p == null ? null : p.passportNumber().orElse(null),
                p == null ? null : p.phone(),
                p == null ? null : p.email().orElse(null),
                p == null
                        ? null
                        : p.emergencyContact()
                                .map(c -> new EmergencyContact(c.name(), c.phone()))
                                .orElse(null),
                view.preferredLanguage(),
                view.consents(),
                view.erased(),
                view.version());
    }
}
