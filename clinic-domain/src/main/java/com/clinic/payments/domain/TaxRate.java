package com.clinic.payments.domain;

import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;

/**
 * A tax rate in basis points (1,500 is 15 % VAT). Tax is computed per invoice line and rounded
 * there ({@link Money#percent}); the invoice's tax is the sum of its lines' taxes, so every printed
 * line adds up to the printed total (ADR 0026).
 */
public record TaxRate(int basisPoints) {

    public static final TaxRate NONE = new TaxRate(0);

    public TaxRate {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new Rejection.RuleViolated("payment.tax-rate-invalid");
        }
    }

    /** A rate written as a percentage with at most two decimals ("15", "7.5"). */
    public static TaxRate ofPercent(BigDecimal percent) {
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new Rejection.RuleViolated("payment.tax-rate-invalid");
        }
        return new TaxRate(percent.movePointRight(2).intValueExact());
    }

    public BigDecimal percent() {
        return BigDecimal.valueOf(basisPoints, 2);
    }

    public Money taxOn(Money net) {
        return net.percent(basisPoints);
    }
}
