package com.clinic.directory.application.doctor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A doctor's directory details as a caller submits them. */
public record DoctorInput(
        String nameAr,
        String nameEn,
        Set<UUID> branchIds,
        Set<String> specialties,
        Set<String> languages,
        List<FeeInput> fees,
        String bioAr,
        String bioEn) {

    public record FeeInput(UUID branchId, BigDecimal amount, String currency) {}
}
