package com.clinic.payments.domain.shift;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.shift.ShiftCommand.CloseShift;
import com.clinic.payments.domain.shift.ShiftCommand.OpenShift;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftClosed;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftOpened;
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShiftDeciderTest {

    private static final UUID SHIFT = UUID.fromString("00000000-0000-7000-8000-000000000051");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-00000000b001");
    private static final UUID CASHIER = UUID.fromString("00000000-0000-7000-8000-00000000f001");
    private static final Instant AT = Instant.parse("2026-12-01T06:00:00Z");
    private static final ShiftDecider DECIDER = new ShiftDecider();

    private final DeciderSpecification<ShiftCommand, ShiftEvent, ShiftState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static Money sar(long minor) {
        return new Money(minor, "SAR");
    }

    private static final ShiftOpened OPENED = new ShiftOpened(SHIFT, CLINIC, BRANCH, CASHIER, sar(20_000), AT);

    @Test
    void aShiftOpensOnceWithItsFloat() {
        spec.when(new OpenShift(SHIFT, CLINIC, BRANCH, CASHIER, sar(20_000), AT))
                .then(OPENED);
        spec.given(OPENED)
                .when(new OpenShift(SHIFT, CLINIC, BRANCH, CASHIER, sar(20_000), AT))
                .thenRejects(Rejection.Conflict.class, "shift.already-open");
        spec.when(new OpenShift(SHIFT, CLINIC, BRANCH, CASHIER, sar(-1), AT))
                .thenRejects(Rejection.RuleViolated.class, "shift.amount-negative");
    }

    @Test
    void closingComparesTheCountWithFloatPlusCashInLessCashOut() {
        // 200.00 float + 345.00 taken - 86.25 paid out = 458.75 expected; 450.00 counted: 8.75 short.
        spec.given(OPENED)
                .when(new CloseShift(SHIFT, sar(34_500), sar(8_625), sar(45_000), AT.plusSeconds(28_800), CASHIER))
                .then(new ShiftClosed(
                        SHIFT,
                        sar(34_500),
                        sar(8_625),
                        sar(45_875),
                        sar(45_000),
                        sar(-875),
                        AT.plusSeconds(28_800),
                        CASHIER));
    }

    @Test
    void aShiftClosesOnce() {
        ShiftClosed closed = new ShiftClosed(SHIFT, sar(0), sar(0), sar(20_000), sar(20_000), sar(0), AT, CASHIER);
        spec.given(OPENED, closed)
                .when(new CloseShift(SHIFT, sar(0), sar(0), sar(20_000), AT, CASHIER))
                .thenRejects(Rejection.Conflict.class, "shift.closed");
        spec.when(new CloseShift(SHIFT, sar(0), sar(0), sar(0), AT, CASHIER))
                .thenRejects(Rejection.NotFound.class, "shift.not-found");
    }
}
