package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount in an ISO 4217 currency, kept at the currency's own number of decimals
 * (three for the Jordanian or Kuwaiti dinar, two for the riyal), so that equal prices compare equal.
 */
public record Price(BigDecimal amount, String currency) {

    private static final BigDecimal MAX = new BigDecimal("1000000000");

    public Price {
        Objects.requireNonNull(amount, "amount");
        Currency iso = currencyOf(currency);
        int decimals = Math.max(iso.getDefaultFractionDigits(), 0);
        if (amount.signum() < 0
                || amount.compareTo(MAX) >= 0
                || amount.stripTrailingZeros().scale() > decimals) {
            throw new Rejection.RuleViolated("appointment-type.price-invalid", decimals);
        }
        amount = amount.setScale(decimals);
        currency = iso.getCurrencyCode();
    }

    private static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new Rejection.RuleViolated("appointment-type.currency-invalid");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new Rejection.RuleViolated("appointment-type.currency-invalid");
        }
    }
}
