package com.clinic.directory.application.patient;

import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import java.time.LocalDate;

/**
 * A patient's details as a caller submits them; optional values may be null. Either a national id
 * or a passport number is required; the emergency contact is either complete or absent.
 */
public record PatientInput(
        String nameAr,
        String nameEn,
        LocalDate dateOfBirth,
        Sex sex,
        String nationalId,
        String passportNumber,
        String phone,
        String email,
        String emergencyContactName,
        String emergencyContactPhone,
        String preferredLanguage,
        Consents consents) {}
