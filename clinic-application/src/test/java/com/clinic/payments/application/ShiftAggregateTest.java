package com.clinic.payments.application;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.shift.ShiftCommand.CloseShift;
import com.clinic.payments.domain.shift.ShiftCommand.OpenShift;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftClosed;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftOpened;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk shift on Axon's fixture: opened once, closed once with its difference. */
class ShiftAggregateTest {

    private static final UUID SHIFT = UUID.fromString("00000000-0000-7000-8000-000000000051");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-00000000b001");
    private static final UUID CASHIER = UUID.fromString("00000000-0000-7000-8000-00000000f001");
    private static final Instant AT = Instant.parse("2026-12-01T06:00:00Z");
    private static final ShiftOpened OPENED =
            new ShiftOpened(SHIFT, CLINIC, BRANCH, CASHIER, new Money(10_000, "SAR"), AT);

    private FixtureConfiguration<ShiftAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ShiftAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    @Test
    void aShiftIsOpenedWithItsFloat() {
        fixture.givenNoPriorActivity()
                .when(new OpenShift(SHIFT, CLINIC, BRANCH, CASHIER, new Money(10_000, "SAR"), AT))
                .expectEvents(OPENED);
    }

    @Test
    void aShiftIsClosedOnceWithTheDifference() {
        fixture.given(OPENED)
                .when(new CloseShift(
                        SHIFT, new Money(5_000, "SAR"), new Money(0, "SAR"), new Money(15_100, "SAR"), AT, CASHIER))
                .expectEvents(new ShiftClosed(
                        SHIFT,
                        new Money(5_000, "SAR"),
                        new Money(0, "SAR"),
                        new Money(15_000, "SAR"),
                        new Money(15_100, "SAR"),
                        new Money(100, "SAR"),
                        AT,
                        CASHIER));
        fixture.given(
                        OPENED,
                        new ShiftClosed(
                                SHIFT,
                                new Money(0, "SAR"),
                                new Money(0, "SAR"),
                                new Money(10_000, "SAR"),
                                new Money(10_000, "SAR"),
                                new Money(0, "SAR"),
                                AT,
                                CASHIER))
                .when(new CloseShift(SHIFT, new Money(0, "SAR"), new Money(0, "SAR"), new Money(0, "SAR"), AT, CASHIER))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("shift.closed");
    }
}
