package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.CreateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.DeactivateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.UpdateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeDeactivated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeUpdated;
import com.clinic.scheduling.domain.availability.AppointmentTypeState.Defined;
import com.clinic.testsupport.DeciderSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppointmentTypeDeciderTest {

    private static final UUID TYPE = UUID.fromString("00000000-0000-7000-8000-0000000000f1");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-0000000000e2");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final BilingualName NAME = new BilingualName("كشف قلب", "Cardiology visit");
    private static final BilingualName RENAMED = new BilingualName("كشف قلب أول", "First cardiology visit");
    private static final BookingRules RULES = new BookingRules(
            Duration.ofMinutes(20), Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(60), 1);
    private static final Price PRICE = new Price(new BigDecimal("300"), "SAR");
    private static final AppointmentTypeDecider DECIDER = new AppointmentTypeDecider();

    private final DeciderSpecification<AppointmentTypeCommand, AppointmentTypeEvent, AppointmentTypeState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final AppointmentTypeCreated CREATED =
            new AppointmentTypeCreated(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW);
    private static final AppointmentTypeDeactivated DEACTIVATED =
            new AppointmentTypeDeactivated(TYPE, CLINIC, MANAGER, NOW);

    private static UpdateAppointmentType update(BilingualName name, Price price) {
        return new UpdateAppointmentType(TYPE, name, RULES, false, price, MANAGER, NOW);
    }

    @Test
    void aClinicDefinesABookableType() {
        spec.when(new CreateAppointmentType(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW))
                .then(CREATED)
                .andState(new Defined(CLINIC, NAME, RULES, false, PRICE, true));
    }

    @Test
    void aTypeIsCreatedOnlyOnce() {
        spec.given(CREATED)
                .when(new CreateAppointmentType(TYPE, CLINIC, NAME, RULES, false, PRICE, MANAGER, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment-type.exists");
    }

    @Test
    void anUpdateReplacesTheWholeDefinitionAndKeepsTheClinic() {
        BookingRules longer = new BookingRules(
                Duration.ofMinutes(40),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                Duration.ZERO,
                Duration.ofDays(30),
                2);
        Price dearer = new Price(new BigDecimal("350.00"), "SAR");
        spec.given(CREATED)
                .when(new UpdateAppointmentType(TYPE, RENAMED, longer, true, dearer, MANAGER, NOW))
                .then(new AppointmentTypeUpdated(TYPE, CLINIC, RENAMED, longer, true, dearer, MANAGER, NOW))
                .andState(new Defined(CLINIC, RENAMED, longer, true, dearer, true));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothingEvenWhenThePriceIsWrittenDifferently() {
        spec.given(CREATED)
                .when(update(NAME, new Price(new BigDecimal("300.0"), "SAR")))
                .thenNothing();
    }

    @Test
    void aDeactivatedTypeCannotBeChanged() {
        spec.given(CREATED, DEACTIVATED)
                .when(update(RENAMED, PRICE))
                .thenRejects(Rejection.Conflict.class, "appointment-type.inactive");
    }

    @Test
    void aDeactivatedTypeIsNoLongerBookableAndKeepsItsDefinition() {
        spec.given(CREATED)
                .when(new DeactivateAppointmentType(TYPE, MANAGER, NOW))
                .then(DEACTIVATED)
                .andState(new Defined(CLINIC, NAME, RULES, false, PRICE, false));
    }

    @Test
    void deactivatingTwiceChangesNothing() {
        spec.given(CREATED, DEACTIVATED)
                .when(new DeactivateAppointmentType(TYPE, MANAGER, NOW))
                .thenNothing();
    }

    @Test
    void anUnknownTypeIsNotFound() {
        spec.when(update(NAME, PRICE)).thenRejects(Rejection.NotFound.class, "appointment-type.not-found");
        spec.when(new DeactivateAppointmentType(TYPE, MANAGER, NOW))
                .thenRejects(Rejection.NotFound.class, "appointment-type.not-found");
    }
}
