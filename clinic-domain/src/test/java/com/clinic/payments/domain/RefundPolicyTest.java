package com.clinic.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.payments.domain.RefundPolicy.Case;
import com.clinic.payments.domain.RefundPolicy.Decision;
import com.clinic.payments.domain.RefundPolicy.Party;
import com.clinic.payments.domain.RefundPolicy.Reason;
import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    /** Full refund 24 h ahead, half inside, nothing for a no-show. */
    private static final RefundPolicy POLICY = new RefundPolicy(Duration.ofHours(24), 50, 0);

    private static final Instant START = Instant.parse("2026-12-10T10:00:00Z");

    private static Money sar(String amount) {
        return Money.of(new BigDecimal(amount), "SAR");
    }

    private static Decision cancelled(Instant at, String paid) {
        return POLICY.decide(new Case(sar("230.00"), sar(paid), START, at, Party.PATIENT, false));
    }

    @Test
    void exactlyTheNoticeAheadIsInTime() {
        Decision decision = cancelled(START.minus(Duration.ofHours(24)), "230.00");

        assertThat(decision.reason()).isEqualTo(Reason.CANCELLED_IN_TIME);
        assertThat(decision.refund()).isEqualTo(sar("230.00"));
        assertThat(decision.released()).isEqualTo(sar("230.00"));
        assertThat(decision.retained().isZero()).isTrue();
        assertThat(decision.arguments()).containsExactly(24L);
    }

    @Test
    void oneSecondLessIsLate() {
        Decision decision = cancelled(START.minus(Duration.ofHours(24)).plusSeconds(1), "230.00");

        assertThat(decision.reason()).isEqualTo(Reason.CANCELLED_LATE);
        assertThat(decision.refund()).isEqualTo(sar("115.00"));
        assertThat(decision.retained()).isEqualTo(sar("115.00"));
        assertThat(decision.arguments()).containsExactly(50, 24L);
    }

    @Test
    void aPatientWhoPaidNothingOwesOnlyTheFee() {
        Decision decision = cancelled(START.minus(Duration.ofHours(2)), "0.00");

        assertThat(decision.released()).isEqualTo(sar("115.00"));
        assertThat(decision.retained()).isEqualTo(sar("115.00"));
        assertThat(decision.refund().isZero()).isTrue();
    }

    @Test
    void aPartPaymentBelowTheFeeIsKeptWhole() {
        Decision decision = cancelled(START.minus(Duration.ofHours(2)), "100.00");

        assertThat(decision.refund().isZero()).isTrue();
        assertThat(decision.retained()).isEqualTo(sar("115.00"));
    }

    @Test
    void aRefundThatSplitsAHalalaRoundsHalfAwayFromZero() {
        Decision decision = POLICY.decide(
                new Case(sar("0.05"), sar("0.05"), START, START.minus(Duration.ofHours(1)), Party.PATIENT, false));

        assertThat(decision.refund()).isEqualTo(sar("0.03"));
        assertThat(decision.retained()).isEqualTo(sar("0.02"));
    }

    @Test
    void theClinicCancellingRefundsEverythingWhenever() {
        Decision decision = POLICY.decide(
                new Case(sar("230.00"), sar("230.00"), START, START.minusSeconds(60), Party.CLINIC, false));

        assertThat(decision.reason()).isEqualTo(Reason.CLINIC_CANCELLED);
        assertThat(decision.refund()).isEqualTo(sar("230.00"));
    }

    @Test
    void aNoShowRefundsNothingByDefault() {
        Decision decision = POLICY.decide(
                new Case(sar("230.00"), sar("230.00"), START, START.plusSeconds(900), Party.PATIENT, true));

        assertThat(decision.reason()).isEqualTo(Reason.NO_SHOW);
        assertThat(decision.refund().isZero()).isTrue();
        assertThat(decision.retained()).isEqualTo(sar("230.00"));
        assertThat(decision.arguments()).containsExactly(0);
    }

    @Test
    void theNoticeIsRealHoursAcrossTheNightTheClocksMove() {
        // Cairo moved its clocks forward at 00:00 on 24 April 2026 (to 01:00). From 10:00 on the 23rd
        // to 10:00 on the 24th the wall clock shows a day, but only 23 hours pass: late.
        ZoneId cairo = ZoneId.of("Africa/Cairo");
        Instant start = LocalDateTime.parse("2026-04-24T10:00").atZone(cairo).toInstant();
        Instant dayBefore =
                LocalDateTime.parse("2026-04-23T10:00").atZone(cairo).toInstant();
        assertThat(Duration.between(dayBefore, start)).isEqualTo(Duration.ofHours(23));

        Decision decision =
                POLICY.decide(new Case(sar("230.00"), sar("230.00"), start, dayBefore, Party.PATIENT, false));

        assertThat(decision.reason()).isEqualTo(Reason.CANCELLED_LATE);
        Decision anHourEarlier = POLICY.decide(new Case(
                sar("230.00"), sar("230.00"), start, dayBefore.minus(Duration.ofHours(1)), Party.PATIENT, false));
        assertThat(anHourEarlier.reason()).isEqualTo(Reason.CANCELLED_IN_TIME);
    }

    @Test
    void aPolicyOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new RefundPolicy(Duration.ofHours(24), 101, 0))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("refund-policy.percent-invalid");
        assertThatThrownBy(() -> new RefundPolicy(Duration.ofHours(-1), 50, 0))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("refund-policy.notice-invalid");
    }
}
