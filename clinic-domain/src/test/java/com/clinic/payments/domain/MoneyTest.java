package com.clinic.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreKeptInTheCurrencysMinorUnit() {
        assertThat(Money.of(new BigDecimal("150.5"), "SAR")).isEqualTo(new Money(15_050, "SAR"));
        assertThat(Money.of(new BigDecimal("1.234"), "KWD")).isEqualTo(new Money(1_234, "KWD"));
        assertThat(Money.of(new BigDecimal("500"), "JPY")).isEqualTo(new Money(500, "JPY"));
        assertThat(new Money(1_234, "KWD").toMajor()).isEqualByComparingTo("1.234");
        assertThat(new Money(15_050, "SAR")).hasToString("150.50 SAR");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"), "SAR"))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("payment.amount-invalid");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY")).isInstanceOf(Rejection.RuleViolated.class);
    }

    @Test
    void currenciesAreNeverMixed() {
        assertThatThrownBy(() -> new Money(1, "SAR").plus(new Money(1, "EGP")))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("payment.currency-mismatch");
        assertThatThrownBy(() -> new Money(1, "XXQ"))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("payment.currency-invalid");
    }

    @Test
    void taxRoundsEachAmountHalfAwayFromZero() {
        TaxRate vat = TaxRate.ofPercent(new BigDecimal("15"));

        assertThat(vat.taxOn(new Money(10, "SAR"))).isEqualTo(new Money(2, "SAR")); // 1.5 -> 2
        assertThat(vat.taxOn(new Money(-10, "SAR"))).isEqualTo(new Money(-2, "SAR")); // -1.5 -> -2
        assertThat(vat.taxOn(new Money(9, "SAR"))).isEqualTo(new Money(1, "SAR")); // 1.35 -> 1
        assertThat(TaxRate.ofPercent(new BigDecimal("7.5")).basisPoints()).isEqualTo(750);
        assertThatThrownBy(() -> TaxRate.ofPercent(new BigDecimal("7.125"))).isInstanceOf(Rejection.RuleViolated.class);
    }
}
