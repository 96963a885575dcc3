package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.ConsultationStarted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldConfirmed;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.PatientCheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppointmentAggregateTest {

    private static final UUID ID = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final Instant START = Instant.parse("2026-06-01T07:00:00Z");
    private static final Instant NOW = Instant.parse("2026-05-31T10:00:00Z");
    private static final AppointmentSlot SLOT = slotAt(START);
    private static final AppointmentSlot LATER = slotAt(START.plus(Duration.ofHours(2)));
    private static final Duration LATE_WINDOW = Duration.ofHours(24);
    private static final AppointmentPolicy POLICY =
            new AppointmentPolicy(Duration.ofMinutes(5), Duration.ofMinutes(15), LATE_WINDOW);

    private AggregateTestFixture<AppointmentAggregate> fixture;

    private static AppointmentSlot slotAt(Instant start) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(30)));
        return new AppointmentSlot(
                UUID.fromString("00000000-0000-7000-8000-0000000000c1"),
                UUID.fromString("00000000-0000-7000-8000-0000000000b1"),
                UUID.fromString("00000000-0000-7000-8000-0000000000d1"),
                UUID.fromString("00000000-0000-7000-8000-0000000000f1"),
                time,
                time.widen(Duration.ZERO, Duration.ofMinutes(5)),
                false,
                1);
    }

    private static AppointmentBooked booked() {
        return new AppointmentBooked(ID, PATIENT, SLOT, RECEPTION, Optional.empty(), NOW);
    }

    private static SlotHeld held() {
        return new SlotHeld(ID, PATIENT, SLOT, NOW.plus(Duration.ofMinutes(5)), PATIENT, Optional.empty(), NOW);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AppointmentAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
        fixture.registerInjectableResource(POLICY);
        // The deadline handlers read "now" from a Clock; in fixtures that is the fixture's own simulated time.
        fixture.registerInjectableResource(TestClock.following(fixture::currentTime));
    }

    @Test
    void aPatientCanHoldAFutureSlotForAFewMinutesAndTheHoldIsTimed() {
        fixture.givenNoPriorActivity()
                .when(new HoldSlot(ID, PATIENT, SLOT, NOW.plus(Duration.ofMinutes(5)), PATIENT, Optional.empty(), NOW))
                .expectEvents(held())
                .expectScheduledDeadlineWithName(NOW.plus(Duration.ofMinutes(5)), AppointmentAggregate.HOLD_EXPIRY);
    }

    @Test
    void anUnconfirmedHoldExpiresByItselfWhenItsDeadlineFires() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new HoldSlot(
                        ID, PATIENT, SLOT, NOW.plus(Duration.ofMinutes(5)), PATIENT, Optional.empty(), NOW))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectTriggeredDeadlinesWithName(AppointmentAggregate.HOLD_EXPIRY)
                .expectEvents(new HoldExpired(ID, SLOT, Optional.empty(), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aBookingIsCheckedForANoShowAfterTheGrace() {
        fixture.givenNoPriorActivity()
                .when(new BookAppointment(ID, PATIENT, SLOT, RECEPTION, Optional.empty(), NOW))
                .expectScheduledDeadlineWithName(
                        START.plus(Duration.ofMinutes(15)), AppointmentAggregate.NO_SHOW_CHECK);
    }

    @Test
    void aPatientWhoNeverCheckedInIsMarkedNoShowWhenTheCheckFires() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new BookAppointment(ID, PATIENT, SLOT, RECEPTION, Optional.empty(), NOW))
                .whenTimeAdvancesTo(START.plus(Duration.ofMinutes(15)))
                .expectTriggeredDeadlinesWithName(AppointmentAggregate.NO_SHOW_CHECK)
                .expectEvents(new AppointmentMarkedNoShow(ID, PATIENT, SLOT, true, START.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aHoldLongerThanTheMaximumIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new HoldSlot(ID, PATIENT, SLOT, NOW.plus(Duration.ofHours(2)), PATIENT, Optional.empty(), NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("appointment.hold-duration-invalid");
    }

    @Test
    void receptionCanBookAFutureSlotDirectly() {
        fixture.givenNoPriorActivity()
                .when(new BookAppointment(ID, PATIENT, SLOT, RECEPTION, Optional.empty(), NOW))
                .expectEvents(booked());
    }

    @Test
    void aSlotInThePastCannotBeBooked() {
        fixture.givenNoPriorActivity()
                .when(new BookAppointment(ID, PATIENT, SLOT, RECEPTION, Optional.empty(), START.plusSeconds(1)))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("appointment.slot-in-past");
    }

    @Test
    void aLiveHoldIsConfirmedIntoABooking() {
        fixture.given(held())
                .when(new ConfirmHold(ID, PATIENT, NOW.plus(Duration.ofMinutes(4))))
                .expectEvents(new HoldConfirmed(ID, PATIENT, SLOT, PATIENT, NOW.plus(Duration.ofMinutes(4))));
    }

    @Test
    void aHoldPastItsDeadlineCannotBeConfirmed() {
        fixture.given(held())
                .when(new ConfirmHold(ID, PATIENT, NOW.plus(Duration.ofMinutes(5))))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("appointment.hold-expired");
    }

    @Test
    void confirmingTwiceIsARetryThatChangesNothing() {
        fixture.given(held(), new HoldConfirmed(ID, PATIENT, SLOT, PATIENT, NOW))
                .when(new ConfirmHold(ID, PATIENT, NOW.plus(Duration.ofMinutes(1))))
                .expectNoEvents();
    }

    @Test
    void theHoldDeadlineReleasesAnUnconfirmedSlot() {
        Instant deadline = NOW.plus(Duration.ofMinutes(5));
        fixture.given(held())
                .when(new ExpireHold(ID, deadline))
                .expectEvents(new HoldExpired(ID, SLOT, Optional.empty(), deadline));
    }

    @Test
    void theHoldDeadlineDoesNothingOnceTheHoldWasConfirmed() {
        fixture.given(held(), new HoldConfirmed(ID, PATIENT, SLOT, PATIENT, NOW))
                .when(new ExpireHold(ID, NOW.plus(Duration.ofMinutes(5))))
                .expectNoEvents();
    }

    @Test
    void aBookingMovesToANewSlotAndReleasesTheOldOne() {
        fixture.given(booked())
                .when(new Reschedule(ID, LATER, PATIENT, NOW))
                .expectEvents(new AppointmentRescheduled(ID, SLOT, LATER, PATIENT, NOW));
    }

    @Test
    void aStartedAppointmentCannotBeRescheduled() {
        fixture.given(booked())
                .when(new Reschedule(ID, LATER, PATIENT, START))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("appointment.already-started");
    }

    @Test
    void cancellingWellAheadIsNotLate() {
        Instant twoDaysBefore = START.minus(Duration.ofDays(2));
        fixture.given(new AppointmentBooked(
                        ID, PATIENT, SLOT, RECEPTION, Optional.empty(), twoDaysBefore.minusSeconds(60)))
                .when(new Cancel(ID, CancellationReason.PATIENT_REQUEST, "travel", PATIENT, LATE_WINDOW, twoDaysBefore))
                .expectEvents(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "travel", false, false, PATIENT, twoDaysBefore));
    }

    @Test
    void cancellingInsideTheLateWindowIsFlaggedLate() {
        Instant anHourBefore = START.minus(Duration.ofHours(1));
        fixture.given(booked())
                .when(new Cancel(ID, CancellationReason.PATIENT_REQUEST, "", PATIENT, LATE_WINDOW, anHourBefore))
                .expectEvents(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "", true, false, PATIENT, anHourBefore));
    }

    @Test
    void cancellingAHoldReleasesItWithoutALateFlag() {
        fixture.given(held())
                .when(new Cancel(ID, CancellationReason.PATIENT_REQUEST, "", PATIENT, LATE_WINDOW, NOW))
                .expectEvents(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "", false, true, PATIENT, NOW));
    }

    @Test
    void releasingAnUnconfirmedOfferGivesTheSlotBack() {
        fixture.given(held())
                .when(new ReleaseHold(ID, RECEPTION, NOW))
                .expectEvents(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.OTHER, "hold released", false, true, RECEPTION, NOW));
    }

    @Test
    void releasingAHoldNeverCancelsTheBookingItBecame() {
        fixture.given(held(), new HoldConfirmed(ID, PATIENT, SLOT, PATIENT, NOW))
                .when(new ReleaseHold(ID, RECEPTION, NOW))
                .expectNoEvents();
    }

    @Test
    void cancellingTwiceChangesNothing() {
        fixture.given(
                        booked(),
                        new AppointmentCancelled(ID, SLOT, CancellationReason.OTHER, "", false, false, PATIENT, NOW))
                .when(new Cancel(ID, CancellationReason.OTHER, "", PATIENT, LATE_WINDOW, NOW))
                .expectNoEvents();
    }

    @Test
    void aBookedPatientChecksInOnTheDay() {
        Instant arrival = START.minus(Duration.ofMinutes(10));
        fixture.given(booked())
                .when(new CheckIn(ID, RECEPTION, arrival))
                .expectEvents(new PatientCheckedIn(ID, PATIENT, SLOT, RECEPTION, arrival));
    }

    @Test
    void aPatientCannotCheckInDaysEarly() {
        fixture.given(booked())
                .when(new CheckIn(ID, RECEPTION, START.minus(Duration.ofDays(1))))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("appointment.check-in-too-early");
    }

    @Test
    void aCheckedInPatientGoesIntoConsultationAndIsCompleted() {
        Instant in = START.plus(Duration.ofMinutes(2));
        Instant out = in.plus(Duration.ofMinutes(14));
        fixture.given(booked(), new PatientCheckedIn(ID, PATIENT, SLOT, RECEPTION, START.minus(Duration.ofMinutes(5))))
                .when(new StartConsultation(ID, RECEPTION, in))
                .expectEvents(new ConsultationStarted(ID, SLOT, in));
        fixture.given(
                        booked(),
                        new PatientCheckedIn(ID, PATIENT, SLOT, RECEPTION, START),
                        new ConsultationStarted(ID, SLOT, in))
                .when(new Complete(ID, RECEPTION, out))
                .expectEvents(new AppointmentCompleted(ID, SLOT, in, out));
    }

    @Test
    void aConsultationCannotStartBeforeCheckIn() {
        fixture.given(booked())
                .when(new StartConsultation(ID, RECEPTION, START))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("appointment.invalid-state");
    }

    @Test
    void anAppointmentCannotBeCompletedBeforeItStarted() {
        fixture.given(booked())
                .when(new Complete(ID, RECEPTION, START))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("appointment.invalid-state");
    }

    @Test
    void theNoShowDeadlineMarksAPatientWhoNeverCheckedIn() {
        Instant deadline = START.plus(Duration.ofMinutes(15));
        fixture.given(booked())
                .when(new MarkNoShow(ID, Duration.ofMinutes(15), true, RECEPTION, deadline))
                .expectEvents(new AppointmentMarkedNoShow(ID, PATIENT, SLOT, true, deadline));
    }

    @Test
    void theNoShowDeadlineIgnoresAPatientWhoCheckedIn() {
        fixture.given(booked(), new PatientCheckedIn(ID, PATIENT, SLOT, RECEPTION, START))
                .when(new MarkNoShow(ID, Duration.ofMinutes(15), true, RECEPTION, START.plus(Duration.ofMinutes(15))))
                .expectNoEvents();
    }

    @Test
    void receptionCannotMarkANoShowBeforeTheGraceHasPassed() {
        fixture.given(booked())
                .when(new MarkNoShow(ID, Duration.ofMinutes(15), false, RECEPTION, START.plus(Duration.ofMinutes(5))))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("appointment.no-show-too-early");
    }

    @Test
    void reusingAnAppointmentIdIsRefusedByTheEventStoresStreamUniqueness() {
        fixture.given(booked())
                .when(new BookAppointment(ID, PATIENT, LATER, RECEPTION, Optional.empty(), NOW))
                .expectException(EventStoreException.class);
    }
}
