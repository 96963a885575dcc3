package com.clinic.scheduling.application.availability;

import com.clinic.platform.domain.Rejection;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A slot search: one doctor, or every doctor of a specialty at a branch, for one appointment type,
 * between two local dates of the branch (inclusive).
 */
public record SlotQuery(
        Optional<UUID> doctorId,
        Optional<String> specialty,
        Optional<UUID> branchId,
        UUID appointmentTypeId,
        LocalDate from,
        LocalDate to,
        int limit) {

    public static final int MAX_DAYS = 62;

    public SlotQuery {
        Objects.requireNonNull(appointmentTypeId, "appointmentTypeId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (doctorId.isEmpty() && (specialty.isEmpty() || branchId.isEmpty())) {
            throw new Rejection.RuleViolated("slots.doctor-or-specialty-and-branch");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new Rejection.RuleViolated("slots.range-invalid", MAX_DAYS);
        }
        if (limit < 1 || limit > 500) {
            throw new Rejection.RuleViolated("page.limit-out-of-range", 1, 500);
        }
    }
}
