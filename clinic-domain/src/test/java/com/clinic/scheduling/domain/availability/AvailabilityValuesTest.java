package com.clinic.scheduling.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AvailabilityValuesTest {

    @Test
    void aPriceIsKeptAtItsCurrencysDecimalsSoEqualAmountsCompareEqual() {
        assertThat(new Price(new BigDecimal("150"), "SAR")).isEqualTo(new Price(new BigDecimal("150.00"), "SAR"));
        assertThat(new Price(new BigDecimal("12.5"), "KWD").amount()).isEqualByComparingTo("12.500");
        assertThat(new Price(new BigDecimal("12.5"), "KWD").amount().scale()).isEqualTo(3);
    }

    @Test
    void aPriceWithMoreDecimalsThanItsCurrencyHasIsRefused() {
        assertThatThrownBy(() -> new Price(new BigDecimal("10.005"), "SAR"))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("appointment-type.price-invalid");
    }

    @Test
    void negativePricesAndUnknownCurrenciesAreRefused() {
        assertThatThrownBy(() -> new Price(new BigDecimal("-1"), "SAR")).isInstanceOf(Rejection.RuleViolated.class);
        assertThatThrownBy(() -> new Price(BigDecimal.TEN, "XYZ"))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("appointment-type.currency-invalid");
        assertThatThrownBy(() -> new Price(BigDecimal.TEN, "sar")).isInstanceOf(Rejection.RuleViolated.class);
    }

    @Test
    void bothNamesAreRequiredAndTrimmed() {
        assertThat(new BilingualName(" كشف ", " Check-up ")).isEqualTo(new BilingualName("كشف", "Check-up"));
        assertThatThrownBy(() -> new BilingualName(" ", "Check-up"))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("scheduling.name-invalid");
        assertThatThrownBy(() -> new BilingualName("كشف", "x".repeat(201))).isInstanceOf(Rejection.RuleViolated.class);
    }
}
