package com.clinic.directory.application.port;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A doctor as the directory shows it; lists are sorted so responses are stable. */
public record DoctorView(
        UUID id,
        UUID userId,
        UUID clinicId,
        String nameAr,
        String nameEn,
        List<UUID> branchIds,
        List<String> specialties,
        List<String> languages,
        List<FeeView> fees,
        String bioAr,
        String bioEn,
        boolean active,
        long version) {

    public record FeeView(UUID branchId, BigDecimal amount, String currency) {}
}
