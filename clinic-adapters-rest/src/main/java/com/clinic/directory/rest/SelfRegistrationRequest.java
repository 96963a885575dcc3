package com.clinic.directory.rest;

import com.clinic.platform.rest.VerbatimText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A patient signing up: where they will be seen, who they are, and the password for their account. */
record SelfRegistrationRequest(
        @Schema(description = "The branch the patient will be seen at (GET /api/v1/clinics/{clinicId}/branches)")
                @NotNull
                UUID homeBranchId,
        @NotNull @Valid PatientRequest patient,
        @Schema(description = "10 to 128 characters", example = "Sara-Clinic-2026!")
                @NotBlank
                @Size(max = 200)
                @VerbatimText
                String password) {

    @Override
    public String toString() {
        return "SelfRegistrationRequest[homeBranchId=" + homeBranchId + ", patient=***, password=***]";
    }
}
