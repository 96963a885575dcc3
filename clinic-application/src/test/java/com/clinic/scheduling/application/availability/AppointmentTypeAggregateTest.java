package com.clinic.scheduling.application.availability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.CreateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.DeactivateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.UpdateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeDecider;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeDeactivated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeUpdated;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppointmentTypeAggregateTest {

    private static final UUID TYPE = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final Instant NOW = Instant.parse("2026-05-31T10:00:00Z");
    private static final BilingualName NAME = new BilingualName("كشف", "Consultation");
    private static final BookingRules RULES = new BookingRules(
            Duration.ofMinutes(20), Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(60), 1);
    private static final Price PRICE = new Price(new BigDecimal("200"), "SAR");

    private AggregateTestFixture<AppointmentTypeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AppointmentTypeAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    private static AppointmentTypeCreated created() {
        return new AppointmentTypeCreated(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW);
    }

    @Test
    void aManagerCreatesAnAppointmentType() {
        fixture.givenNoPriorActivity()
                .when(new CreateAppointmentType(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW))
                .expectEvents(created());
    }

    @Test
    void reusingATypeIdIsRefusedByTheEventStoresStreamUniqueness() {
        fixture.given(created())
                .when(new CreateAppointmentType(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW))
                .expectException(EventStoreException.class);
    }

    /** Through Axon a second create never reaches the decider, so its own guard is checked directly. */
    @Test
    void theDeciderItselfRefusesASecondCreate() {
        AppointmentTypeDecider decider = new AppointmentTypeDecider();
        assertThatThrownBy(() -> decider.decide(
                        new CreateAppointmentType(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW),
                        decider.evolve(decider.initialState(), created())))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("appointment-type.exists");
    }

    @Test
    void anUpdateRecordsTheWholeNewDefinition() {
        BookingRules group = new BookingRules(
                Duration.ofMinutes(45),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofHours(24),
                Duration.ofDays(90),
                4);
        Price cheaper = new Price(new BigDecimal("150.00"), "SAR");
        fixture.given(created())
                .when(new UpdateAppointmentType(TYPE, NAME, group, true, cheaper, MANAGER, NOW))
                .expectEvents(new AppointmentTypeUpdated(TYPE, CLINIC, NAME, group, true, cheaper, MANAGER, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingOnlyTheSlotIntervalIsAChangeOfTheType() {
        // RULES tile by default: 20 minutes plus 5 after, a slot every 25 minutes.
        BookingRules denser = new BookingRules(
                Duration.ofMinutes(20),
                Duration.ZERO,
                Duration.ofMinutes(5),
                Duration.ofHours(2),
                Duration.ofDays(60),
                1,
                Duration.ofMinutes(15));
        fixture.given(created())
                .when(new UpdateAppointmentType(TYPE, NAME, denser, false, PRICE, MANAGER, NOW))
                .expectEvents(new AppointmentTypeUpdated(TYPE, CLINIC, NAME, denser, false, PRICE, MANAGER, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(new UpdateAppointmentType(
                        TYPE, NAME, RULES, false, new Price(new BigDecimal("200.00"), "SAR"), MANAGER, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anUnknownTypeCannotBeUpdated() {
        fixture.givenNoPriorActivity()
                .when(new UpdateAppointmentType(TYPE, NAME, RULES, false, PRICE, MANAGER, NOW))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aDeactivatedTypeCannotBeUpdated() {
        fixture.given(created(), new AppointmentTypeDeactivated(TYPE, CLINIC, MANAGER, NOW))
                .when(new UpdateAppointmentType(TYPE, NAME, RULES, true, PRICE, MANAGER, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("appointment-type.inactive");
    }

    @Test
    void aTypeIsDeactivated() {
        fixture.given(created())
                .when(new DeactivateAppointmentType(TYPE, MANAGER, NOW))
                .expectEvents(new AppointmentTypeDeactivated(TYPE, CLINIC, MANAGER, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void deactivatingTwiceIsARetry() {
        fixture.given(created(), new AppointmentTypeDeactivated(TYPE, CLINIC, MANAGER, NOW))
                .when(new DeactivateAppointmentType(TYPE, MANAGER, NOW))
                .expectNoEvents();
    }

    @Test
    void anUnknownTypeCannotBeDeactivated() {
        fixture.givenNoPriorActivity()
                .when(new DeactivateAppointmentType(TYPE, MANAGER, NOW))
                .expectException(AggregateNotFoundException.class);
    }
}
