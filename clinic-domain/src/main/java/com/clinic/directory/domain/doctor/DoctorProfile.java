package com.clinic.directory.domain.doctor;

import com.clinic.directory.domain.BilingualText;
import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** What patients look doctors up by: name, where they practise, what in, which languages, for how much. */
public record DoctorProfile(
        BilingualText name,
        Set<UUID> branchIds,
        Set<String> specialties,
        Set<String> languages,
        List<Fee> fees,
        BilingualText bio) {

    public DoctorProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bio, "bio");
        branchIds = Set.copyOf(branchIds);
        specialties = Set.copyOf(specialties);
        languages = Set.copyOf(languages);
        fees = List.copyOf(fees);
    }

    void check() {
        if (!name.isComplete()) {
            throw new Rejection.RuleViolated("doctor.name-required");
        }
        if (branchIds.isEmpty()) {
            throw new Rejection.RuleViolated("doctor.branch-required");
        }
        Set<UUID> priced = new HashSet<>();
        for (Fee fee : fees) {
            if (!branchIds.contains(fee.branchId())) {
                throw new Rejection.RuleViolated("doctor.fee-outside-branches", fee.branchId());
            }
            if (!priced.add(fee.branchId())) {
                throw new Rejection.RuleViolated("doctor.duplicate-fee", fee.branchId());
            }
            if (fee.amount().compareTo(BigDecimal.ZERO) < 0) {
                throw new Rejection.RuleViolated("doctor.negative-fee", fee.branchId());
            }
        }
    }
}
