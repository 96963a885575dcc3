package com.clinic.payments.domain;

import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one ISO 4217 currency in its minor unit (halalas for the riyal, fils for the dinar:
 * a thousandth), never a floating-point number. Arithmetic is exact and refuses to mix currencies;
 * the only rounding there is happens in {@link #percent(long)}, by the rule stated there.
 */
public record Money(long minor, String currency) implements Comparable<Money> {

    /** A billion in major units: above anything a clinic invoices, far below overflow. */
    private static final long MAX_MAJOR = 1_000_000_000L;

    public Money {
        currency = currencyOf(currency).getCurrencyCode();
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /**
     * The amount written in major units ("150.50"), refused when it has more decimals than the
     * currency has (a riyal amount with three) or is out of range.
     */
    public static Money of(BigDecimal major, String currency) {
        Objects.requireNonNull(major, "major");
        Currency iso = currencyOf(currency);
        int digits = digits(iso);
        if (major.stripTrailingZeros().scale() > digits || major.abs().compareTo(BigDecimal.valueOf(MAX_MAJOR)) >= 0) {
            throw new Rejection.RuleViolated("payment.amount-invalid", digits);
        }
        return new Money(major.movePointRight(digits).longValueExact(), iso.getCurrencyCode());
    }

    /** The amount in major units, at the currency's own scale ("150.50"). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, digits(Currency.getInstance(currency)));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, same(other).minor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, same(other).minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    /**
     * This amount times {@code basisPoints} / 10,000 (1,500 is 15 %), rounded to the minor unit half
     * away from zero: 0.5 halala becomes 1, -0.5 becomes -1, so a discount line's tax mirrors the
     * charge it discounts. ADR 0026.
     */
    public Money percent(long basisPoints) {
        BigDecimal exact = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(basisPoints));
        return new Money(
                exact.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                        .longValueExact(),
                currency);
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean sameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minor, same(other).minor);
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currency;
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new Rejection.RuleViolated("payment.currency-mismatch", currency, other.currency);
        }
        return other;
    }

    private static int digits(Currency iso) {
        return Math.max(iso.getDefaultFractionDigits(), 0);
    }

    private static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new Rejection.RuleViolated("payment.currency-invalid");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new Rejection.RuleViolated("payment.currency-invalid");
        }
    }
}
