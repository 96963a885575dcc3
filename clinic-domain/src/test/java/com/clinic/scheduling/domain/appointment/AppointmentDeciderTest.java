package com.clinic.scheduling.domain.appointment;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppointmentDeciderTest {

    private static final UUID ID = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final UUID OTHER_CLINIC = UUID.fromString("00000000-0000-7000-8000-0000000000c2");
    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID OTHER_DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d2");
    private static final UUID WAITLIST_ENTRY = UUID.fromString("00000000-0000-7000-8000-0000000000f9");
    private static final Instant NOW = Instant.parse("2026-05-31T10:00:00Z");
    private static final Instant START = Instant.parse("2026-06-01T07:00:00Z");
    private static final Instant HOLD_UNTIL = NOW.plus(Duration.ofMinutes(5));
    private static final Duration LATE_WINDOW = Duration.ofHours(24);
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final AppointmentSlot SLOT = slot(CLINIC, DOCTOR, START);
    private static final AppointmentSlot LATER = slot(CLINIC, DOCTOR, START.plus(Duration.ofHours(2)));
    private static final AppointmentDecider DECIDER = new AppointmentDecider();

    private final DeciderSpecification<AppointmentCommand, AppointmentEvent, AppointmentState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static AppointmentSlot slot(UUID clinic, UUID doctor, Instant start) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(30)));
        return new AppointmentSlot(
                clinic,
                UUID.fromString("00000000-0000-7000-8000-0000000000b1"),
                doctor,
                UUID.fromString("00000000-0000-7000-8000-0000000000f1"),
                time,
                time.widen(Duration.ZERO, Duration.ofMinutes(5)),
                false,
                1);
    }

    private static final SlotHeld HELD = new SlotHeld(ID, PATIENT, SLOT, HOLD_UNTIL, PATIENT, Optional.empty(), NOW);
    private static final AppointmentBooked BOOKED =
            new AppointmentBooked(ID, PATIENT, SLOT, RECEPTION, Optional.empty(), NOW);
    private static final HoldConfirmed CONFIRMED = new HoldConfirmed(ID, PATIENT, SLOT, PATIENT, NOW);
    private static final HoldExpired EXPIRED = new HoldExpired(ID, SLOT, Optional.empty(), HOLD_UNTIL);
    private static final AppointmentCancelled CANCELLED =
            new AppointmentCancelled(ID, SLOT, CancellationReason.OTHER, "", false, false, PATIENT, NOW);
    private static final PatientCheckedIn CHECKED_IN =
            new PatientCheckedIn(ID, PATIENT, SLOT, RECEPTION, START.minus(Duration.ofMinutes(5)));
    private static final Instant IN = START.plus(Duration.ofMinutes(2));
    private static final ConsultationStarted STARTED = new ConsultationStarted(ID, SLOT, IN);

    private static HoldSlot hold(Instant holdUntil, Instant at) {
        return new HoldSlot(ID, PATIENT, SLOT, holdUntil, PATIENT, Optional.empty(), at);
    }

    private static BookAppointment book(AppointmentSlot slot, Instant at) {
        return new BookAppointment(ID, PATIENT, slot, RECEPTION, Optional.empty(), at);
    }

    private static Cancel cancel(Instant at) {
        return new Cancel(ID, CancellationReason.PATIENT_REQUEST, "travel", PATIENT, LATE_WINDOW, at);
    }

    // Holding

    @Test
    void aFutureSlotIsHeldForTheWaitingListEntryItWasOfferedTo() {
        spec.when(new HoldSlot(ID, PATIENT, SLOT, HOLD_UNTIL, RECEPTION, Optional.of(WAITLIST_ENTRY), NOW))
                .then(new SlotHeld(ID, PATIENT, SLOT, HOLD_UNTIL, RECEPTION, Optional.of(WAITLIST_ENTRY), NOW))
                .andState(new AppointmentState.Held(PATIENT, SLOT, HOLD_UNTIL, Optional.of(WAITLIST_ENTRY)));
    }

    @Test
    void aHoldLastsAtMostThirtyMinutes() {
        spec.when(hold(NOW.plus(AppointmentDecider.MAX_HOLD), NOW))
                .then(new SlotHeld(
                        ID, PATIENT, SLOT, NOW.plus(Duration.ofMinutes(30)), PATIENT, Optional.empty(), NOW));
        Rejection rejection = spec.when(hold(NOW.plus(Duration.ofMinutes(30)).plusSeconds(1), NOW))
                .thenRejects(Rejection.RuleViolated.class, "appointment.hold-duration-invalid");

        assertThat(rejection.arguments()).containsExactly(30L);
    }

    @Test
    void aHoldMustEndAfterItBegins() {
        spec.when(hold(NOW, NOW)).thenRejects(Rejection.RuleViolated.class, "appointment.hold-duration-invalid");
    }

    @Test
    void aSlotStartingNowOrEarlierCannotBeHeldOrBooked() {
        spec.when(hold(START.plusSeconds(60), START))
                .thenRejects(Rejection.RuleViolated.class, "appointment.slot-in-past");
        spec.when(book(SLOT, START)).thenRejects(Rejection.RuleViolated.class, "appointment.slot-in-past");
    }

    @Test
    void anAppointmentIdIsUsedOnce() {
        spec.given(HELD)
                .when(hold(HOLD_UNTIL, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.already-exists");
        spec.given(BOOKED).when(book(LATER, NOW)).thenRejects(Rejection.Conflict.class, "appointment.already-exists");
        spec.given(BOOKED, CANCELLED)
                .when(book(SLOT, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.already-exists");
    }

    // Booking and confirming

    @Test
    void receptionBooksAFutureSlotDirectly() {
        UUID series = UUID.fromString("00000000-0000-7000-8000-0000000000aa");
        spec.when(new BookAppointment(ID, PATIENT, SLOT, RECEPTION, Optional.of(series), NOW))
                .then(new AppointmentBooked(ID, PATIENT, SLOT, RECEPTION, Optional.of(series), NOW))
                .andState(new AppointmentState.Booked(PATIENT, SLOT));
    }

    @Test
    void aLiveHoldIsConfirmedIntoABooking() {
        Instant at = HOLD_UNTIL.minusSeconds(1);
        spec.given(HELD)
                .when(new ConfirmHold(ID, PATIENT, at))
                .then(new HoldConfirmed(ID, PATIENT, SLOT, PATIENT, at))
                .andState(new AppointmentState.Booked(PATIENT, SLOT));
    }

    @Test
    void aHoldCannotBeConfirmedFromItsDeadlineOn() {
        spec.given(HELD)
                .when(new ConfirmHold(ID, PATIENT, HOLD_UNTIL))
                .thenRejects(Rejection.Conflict.class, "appointment.hold-expired");
        spec.given(HELD, EXPIRED)
                .when(new ConfirmHold(ID, PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.hold-expired");
    }

    @Test
    void confirmingTwiceIsARetryThatChangesNothing() {
        spec.given(HELD, CONFIRMED)
                .when(new ConfirmHold(ID, PATIENT, NOW.plusSeconds(60)))
                .thenNothing();
    }

    @Test
    void onlyAHoldCanBeConfirmed() {
        Rejection rejection = spec.given(
                        HELD,
                        new AppointmentCancelled(
                                ID, SLOT, CancellationReason.OTHER, "hold released", false, true, RECEPTION, NOW))
                .when(new ConfirmHold(ID, PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");

        assertThat(rejection.arguments()).containsExactly("Cancelled");
        spec.when(new ConfirmHold(ID, PATIENT, NOW)).thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }

    // The hold's deadline and releasing a hold

    @Test
    void theHoldDeadlineFreesAnUnconfirmedSlotForTheWaitingList() {
        spec.given(new SlotHeld(ID, PATIENT, SLOT, HOLD_UNTIL, RECEPTION, Optional.of(WAITLIST_ENTRY), NOW))
                .when(new ExpireHold(ID, HOLD_UNTIL))
                .then(new HoldExpired(ID, SLOT, Optional.of(WAITLIST_ENTRY), HOLD_UNTIL))
                .andState(new AppointmentState.Expired(PATIENT, SLOT));
    }

    @Test
    void aDeadlineFiringEarlyOrAfterTheHoldEndedDoesNothing() {
        spec.given(HELD).when(new ExpireHold(ID, HOLD_UNTIL.minusSeconds(1))).thenNothing();
        spec.given(HELD, CONFIRMED).when(new ExpireHold(ID, HOLD_UNTIL)).thenNothing();
        spec.given(HELD, EXPIRED).when(new ExpireHold(ID, HOLD_UNTIL)).thenNothing();
        spec.when(new ExpireHold(ID, HOLD_UNTIL)).thenNothing();
    }

    @Test
    void releasingAHoldGivesTheSlotBackAsACancelledHold() {
        spec.given(HELD)
                .when(new ReleaseHold(ID, RECEPTION, NOW))
                .then(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.OTHER, "hold released", false, true, RECEPTION, NOW))
                .andState(new AppointmentState.Cancelled(PATIENT, SLOT));
    }

    @Test
    void releasingAHoldNeverCancelsTheBookingItBecame() {
        spec.given(HELD, CONFIRMED).when(new ReleaseHold(ID, RECEPTION, NOW)).thenNothing();
        spec.given(BOOKED).when(new ReleaseHold(ID, RECEPTION, NOW)).thenNothing();
        spec.when(new ReleaseHold(ID, RECEPTION, NOW)).thenNothing();
    }

    // Rescheduling

    @Test
    void aBookingMovesToAnotherFutureSlotAndFreesTheOldOne() {
        spec.given(BOOKED)
                .when(new Reschedule(ID, LATER, PATIENT, NOW))
                .then(new AppointmentRescheduled(ID, SLOT, LATER, PATIENT, NOW))
                .andState(new AppointmentState.Booked(PATIENT, LATER));
    }

    @Test
    void aBookingMayMoveToAnotherDoctorOfTheSameClinic() {
        AppointmentSlot colleague = slot(CLINIC, OTHER_DOCTOR, START);
        spec.given(BOOKED)
                .when(new Reschedule(ID, colleague, PATIENT, NOW))
                .then(new AppointmentRescheduled(ID, SLOT, colleague, PATIENT, NOW));
    }

    @Test
    void aBookingNeverMovesToAnotherDoctorOfAnotherClinic() {
        spec.given(BOOKED)
                .when(new Reschedule(ID, slot(OTHER_CLINIC, OTHER_DOCTOR, START), PATIENT, NOW))
                .thenRejects(Rejection.RuleViolated.class, "appointment.reschedule-across-clinics");
    }

    @Test
    void aBookingCannotMoveIntoThePast() {
        spec.given(BOOKED)
                .when(new Reschedule(ID, slot(CLINIC, DOCTOR, NOW), PATIENT, NOW))
                .thenRejects(Rejection.RuleViolated.class, "appointment.slot-in-past");
    }

    @Test
    void aStartedAppointmentCannotBeRescheduled() {
        spec.given(BOOKED)
                .when(new Reschedule(ID, LATER, PATIENT, START))
                .thenRejects(Rejection.Conflict.class, "appointment.already-started");
    }

    @Test
    void reschedulingToTheSameSlotRecordsNothing() {
        spec.given(BOOKED).when(new Reschedule(ID, SLOT, PATIENT, NOW)).thenNothing();
    }

    @Test
    void onlyABookingCanBeRescheduled() {
        spec.given(HELD)
                .when(new Reschedule(ID, LATER, PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
        spec.given(BOOKED, CHECKED_IN)
                .when(new Reschedule(ID, LATER, PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }

    // Cancelling

    @Test
    void cancellingWellAheadIsNotLate() {
        Instant twoDaysBefore = START.minus(Duration.ofDays(2));
        spec.given(new AppointmentBooked(
                        ID, PATIENT, SLOT, RECEPTION, Optional.empty(), twoDaysBefore.minusSeconds(60)))
                .when(cancel(twoDaysBefore))
                .then(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "travel", false, false, PATIENT, twoDaysBefore))
                .andState(new AppointmentState.Cancelled(PATIENT, SLOT));
    }

    @Test
    void cancellingInsideTheLateWindowIsFlaggedLateAndExactlyAtItsEdgeIsNot() {
        Instant anHourBefore = START.minus(Duration.ofHours(1));
        Instant atTheEdge = START.minus(LATE_WINDOW);
        spec.given(BOOKED)
                .when(cancel(anHourBefore))
                .then(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "travel", true, false, PATIENT, anHourBefore));
        spec.given(BOOKED)
                .when(cancel(atTheEdge))
                .then(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "travel", false, false, PATIENT, atTheEdge));
    }

    @Test
    void cancellingAHoldReleasesItWithoutALateFlag() {
        spec.given(HELD)
                .when(cancel(NOW))
                .then(new AppointmentCancelled(
                        ID, SLOT, CancellationReason.PATIENT_REQUEST, "travel", false, true, PATIENT, NOW));
    }

    @Test
    void aStartedAppointmentCannotBeCancelled() {
        spec.given(BOOKED).when(cancel(START)).thenRejects(Rejection.Conflict.class, "appointment.already-started");
    }

    @Test
    void cancellingTwiceChangesNothing() {
        spec.given(BOOKED, CANCELLED).when(cancel(NOW)).thenNothing();
    }

    @Test
    void aVisitUnderWayOrOverCannotBeCancelled() {
        spec.given(BOOKED, CHECKED_IN)
                .when(cancel(NOW))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
        spec.given(HELD, EXPIRED).when(cancel(NOW)).thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
        spec.when(cancel(NOW)).thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }

    // The visit

    @Test
    void aBookedPatientChecksInFromTwelveHoursBeforeTheirAppointment() {
        Instant twelveHoursBefore = START.minus(Duration.ofHours(12));
        spec.given(BOOKED)
                .when(new CheckIn(ID, RECEPTION, twelveHoursBefore))
                .then(new PatientCheckedIn(ID, PATIENT, SLOT, RECEPTION, twelveHoursBefore))
                .andState(new AppointmentState.CheckedIn(PATIENT, SLOT, twelveHoursBefore));
        spec.given(BOOKED)
                .when(new CheckIn(ID, RECEPTION, twelveHoursBefore.minusSeconds(1)))
                .thenRejects(Rejection.RuleViolated.class, "appointment.check-in-too-early");
    }

    @Test
    void onlyABookingChecksIn() {
        spec.given(HELD)
                .when(new CheckIn(ID, RECEPTION, START))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
        spec.given(BOOKED, CHECKED_IN)
                .when(new CheckIn(ID, RECEPTION, START))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }

    @Test
    void aCheckedInPatientGoesIntoConsultationAndIsCompleted() {
        Instant out = IN.plus(Duration.ofMinutes(14));
        spec.given(BOOKED, CHECKED_IN)
                .when(new StartConsultation(ID, RECEPTION, IN))
                .then(STARTED)
                .andState(new AppointmentState.InConsultation(PATIENT, SLOT, IN));
        spec.given(BOOKED, CHECKED_IN, STARTED)
                .when(new Complete(ID, RECEPTION, out))
                .then(new AppointmentCompleted(ID, SLOT, IN, out))
                .andState(new AppointmentState.Completed(PATIENT, SLOT));
    }

    @Test
    void aConsultationCannotStartBeforeCheckInNorTwice() {
        spec.given(BOOKED)
                .when(new StartConsultation(ID, RECEPTION, START))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
        spec.given(BOOKED, CHECKED_IN, STARTED)
                .when(new StartConsultation(ID, RECEPTION, START))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }

    @Test
    void anAppointmentIsCompletedOnlyFromConsultation() {
        spec.given(BOOKED)
                .when(new Complete(ID, RECEPTION, START))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
        spec.given(BOOKED, CHECKED_IN)
                .when(new Complete(ID, RECEPTION, START))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }

    // No-shows

    @Test
    void aPatientWhoNeverCheckedInIsANoShowOnceTheGraceHasPassed() {
        Instant deadline = START.plus(GRACE);
        spec.given(BOOKED)
                .when(new MarkNoShow(ID, GRACE, true, RECEPTION, deadline))
                .then(new AppointmentMarkedNoShow(ID, PATIENT, SLOT, true, deadline))
                .andState(new AppointmentState.NoShow(PATIENT, SLOT));
        spec.given(BOOKED)
                .when(new MarkNoShow(ID, GRACE, false, RECEPTION, deadline))
                .then(new AppointmentMarkedNoShow(ID, PATIENT, SLOT, false, deadline));
    }

    @Test
    void receptionCannotMarkANoShowBeforeTheGraceHasPassedButAnEarlyDeadlineIsIgnored() {
        Instant early = START.plus(GRACE).minusSeconds(1);
        spec.given(BOOKED)
                .when(new MarkNoShow(ID, GRACE, false, RECEPTION, early))
                .thenRejects(Rejection.Conflict.class, "appointment.no-show-too-early");
        spec.given(BOOKED)
                .when(new MarkNoShow(ID, GRACE, true, RECEPTION, early))
                .thenNothing();
    }

    @Test
    void theNoShowDeadlineIgnoresAPatientWhoCameOrAnAppointmentThatIsGone() {
        Instant deadline = START.plus(GRACE);
        spec.given(BOOKED, CHECKED_IN)
                .when(new MarkNoShow(ID, GRACE, true, RECEPTION, deadline))
                .thenNothing();
        spec.given(BOOKED, CANCELLED)
                .when(new MarkNoShow(ID, GRACE, true, RECEPTION, deadline))
                .thenNothing();
    }

    @Test
    void aPatientWhoCameIsNoNoShowForReceptionEither() {
        spec.given(BOOKED, CHECKED_IN)
                .when(new MarkNoShow(ID, GRACE, false, RECEPTION, START.plus(GRACE)))
                .thenRejects(Rejection.Conflict.class, "appointment.invalid-state");
    }
}
