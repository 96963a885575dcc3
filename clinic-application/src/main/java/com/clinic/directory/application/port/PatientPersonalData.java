package com.clinic.directory.application.port;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything about a patient that identifies them. It is only ever stored sealed with the patient's
 * own key (in events) or column-encrypted (in the read model, except the names, which search needs).
 */
public record PatientPersonalData(
        String nameAr,
        String nameEn,
        LocalDate dateOfBirth,
        Sex sex,
        Optional<String> nationalId,
        Optional<String> passportNumber,
        String phone,
        Optional<String> email,
        Optional<EmergencyContact> emergencyContact) {

    public record EmergencyContact(String name, String phone) {}
}
