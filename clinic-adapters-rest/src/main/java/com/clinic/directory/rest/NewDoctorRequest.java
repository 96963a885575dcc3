package com.clinic.directory.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Registering a doctor: the DOCTOR account to link, the clinic, and the directory details. */
record NewDoctorRequest(@NotNull UUID userId, @NotNull UUID clinicId, @NotNull @Valid DoctorRequest profile) {}
