package com.clinic.directory.rest;

import com.clinic.directory.application.patient.PatientInput;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A patient's details (either a national id or a passport number is required). */
record PatientRequest(
        @Schema(example = "سارة العتيبي") @NotBlank @Size(max = 200) String nameAr,
        @Schema(example = "Sara Al-Otaibi") @NotBlank @Size(max = 200) String nameEn,
        @Schema(example = "1990-04-12") @NotNull @Past LocalDate dateOfBirth,
        @Schema(example = "FEMALE") @NotNull Sex sex,
        @Schema(description = "A national id or a passport number is required", example = "1023456789") @Size(max = 50)
                String nationalId,
        @Size(max = 50) String passportNumber,
        @Schema(description = "E.164", example = "+966501234567") @NotBlank @ValidPhone String phone,
        @Schema(example = "sara.otaibi@patients.example") @Email @Size(max = 254) String email,
        @Schema(example = "Khalid Al-Otaibi") @Size(max = 200) String emergencyContactName,
        @Schema(description = "E.164", example = "+966502345678") @ValidPhone String emergencyContactPhone,
        @Schema(example = "ar") @Pattern(regexp = "ar|en") String preferredLanguage,
        ConsentsRequest consents) {

    record ConsentsRequest(
            @Schema(example = "true") boolean treatment,
            @Schema(example = "true") boolean dataProcessing,
            @Schema(example = "false") boolean marketing,
            @Schema(example = "true") boolean reminders) {}

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
