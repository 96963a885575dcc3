package com.clinic.directory.rest;

import com.clinic.directory.application.doctor.DoctorInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A doctor's directory details. Specialties are lower-case codes such as {@code cardiology}. */
record DoctorRequest(
        @Schema(example = "د. أحمد الحربي") @NotBlank @Size(max = 200) String nameAr,
        @Schema(example = "Dr. Ahmed Al-Harbi") @NotBlank @Size(max = 200) String nameEn,
        @NotEmpty Set<@NotNull UUID> branchIds,
        @Schema(example = "[\"cardiology\"]") @NotNull
                Set<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,49}") String> specialties,
        @Schema(description = "ISO 639-1 codes", example = "[\"ar\", \"en\"]") @NotNull
                Set<@NotNull @ValidLanguage String> languages,
        @NotNull List<@NotNull @Valid FeeRequest> fees,
        @Size(max = 4000) String bioAr,
        @Size(max = 4000) String bioEn) {

    record FeeRequest(
            @NotNull UUID branchId,
            @Schema(example = "300.00") @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @Schema(description = "ISO 4217", example = "SAR") @NotNull @ValidCurrency String currency) {}

    DoctorInput toInput() {
        return new DoctorInput(
                nameAr,
                nameEn,
                branchIds,
                specialties,
                languages,
                fees.stream()
                        .map(fee -> new DoctorInput.FeeInput(fee.branchId(), fee.amount(), fee.currency()))
                        .toList(),
                bioAr,
                bioEn);
    }
}
