package com.clinic.directory.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Staff registering a patient at one of their branches. */
record NewPatientRequest(
        @Schema(description = "A branch of the caller's clinic (GET /api/v1/clinics/{clinicId}/branches)") @NotNull
                UUID homeBranchId,
        @NotNull @Valid PatientRequest patient) {}
