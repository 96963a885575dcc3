package com.clinic.directory.application.port;

import java.util.UUID;

/** A search hit: enough to pick the right patient, nothing more. */
public record PatientSummary(UUID id, UUID clinicId, UUID homeBranchId, String nameAr, String nameEn) {}
