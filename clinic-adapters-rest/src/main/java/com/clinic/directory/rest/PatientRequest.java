package com.clinic.directory.rest;

import com.clinic.directory.application.patient.PatientInput;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A patient's details (either a national id or a passport number is required). */
record PatientRequest(
        @NotBlank @Size(max = 200) String nameAr,
        @NotBlank @Size(max = 200) String nameEn,
        @NotNull @Past LocalDate dateOfBirth,
        @NotNull Sex sex,
        @Size(max = 50) String nationalId,
        @Size(max = 50) String passportNumber,
        @NotBlank @ValidPhone String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 200) String emergencyContactName,
        @ValidPhone String emergencyContactPhone,
        @Pattern(regexp = "ar|en") String preferredLanguage,
        ConsentsRequest consents) {

    record ConsentsRequest(boolean treatment, boolean dataProcessing, boolean marketing, boolean reminders) {}

    PatientInput toInput() {
        return new PatientInput(
                nameAr,
                nameEn,
                dateOfBirth,
                sex,
                nationalId,
                passportNumber,
                phone,
                email,
                emergencyContactName,
                emergencyContactPhone,
                preferredLanguage,
                consents == null
                        ? null
                        : new Consents(
                                consents.treatment(),
                                consents.dataProcessing(),
                                consents.marketing(),
                                consents.reminders()));
    }
}
