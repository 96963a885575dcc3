package com.clinic.directory.domain.doctor;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A doctor's consultation fee at one branch, in that branch's (or another ISO 4217) currency. */
public record Fee(UUID branchId, BigDecimal amount, String currency) {

    public Fee {
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
