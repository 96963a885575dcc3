package com.clinic.directory.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Staff registering a patient at one of their branches. */
record NewPatientRequest(@NotNull UUID homeBranchId, @NotNull @Valid PatientRequest patient) {}
