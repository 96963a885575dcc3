package com.clinic.payments.application;

import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A clinic's terms: the tax its invoices carry, its refund policy, and the refund above which a
 * manager must act. Looked up by clinic id, else the {@code default} entry.
 */
public record PaymentsSettings(Map<String, Terms> terms) {

    public static final String DEFAULT = "default";

    /**
     * @param refundApprovalAbove in the invoice's major unit: a larger refund is a manager's (or an
     *     administrator's) to make
     */
    public record Terms(TaxRate tax, RefundPolicy refunds, BigDecimal refundApprovalAbove) {
        public Terms {
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(refunds, "refunds");
            Objects.requireNonNull(refundApprovalAbove, "refundApprovalAbove");
        }
    }

    public PaymentsSettings {
        terms = Map.copyOf(terms);
        if (!terms.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("payment terms need a default entry");
        }
    }

    public Terms termsOf(UUID clinicId) {
        return terms.getOrDefault(clinicId.toString(), terms.get(DEFAULT));
    }
}
