package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.TaxRate;
import com.clinic.platform.domain.Rejection;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an invoice: what was charged, at what unit price, how many, and the tax rate it
 * carries. A discount is a line of its own with a negative price; every other kind costs zero or
 * more.
 */
public record InvoiceLine(UUID lineId, Kind kind, String description, Money unitPrice, int quantity, TaxRate taxRate) {

    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_QUANTITY = 1_000;

    public enum Kind {
        /** The appointment type's price. */
        APPOINTMENT,
        /** The doctor's fee at the branch. */
        CONSULTATION,
        PROCEDURE,
        LAB,
        MEDICATION,
        DISCOUNT,
        OTHER
    }

    public InvoiceLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(taxRate, "taxRate");
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new Rejection.RuleViolated("invoice.line-description-invalid", MAX_DESCRIPTION);
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new Rejection.RuleViolated("invoice.line-quantity-invalid", MAX_QUANTITY);
        }
        if (kind == Kind.DISCOUNT ? !unitPrice.isNegative() : unitPrice.isNegative()) {
            throw new Rejection.RuleViolated("invoice.line-price-invalid");
        }
        description = description.strip();
    }

    public Money net() {
        return unitPrice.times(quantity);
    }

    public Money tax() {
        return taxRate.taxOn(net());
    }

    public Money gross() {
        return net().plus(tax());
    }
}
