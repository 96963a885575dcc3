package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.GivenClinic;
import com.clinic.scheduling.WaitlistOfferChanged;
import com.clinic.scheduling.application.availability.AvailabilityReadModel;
import com.clinic.scheduling.application.waitlist.WaitlistOffers;
import com.clinic.scheduling.application.waitlist.port.OfferHolds;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffRemoved;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.WorkingHoursDefined;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.DeclineOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.ExpireOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Lapse;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Withdraw;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProcessSpecification;
import com.clinic.support.ProcessSpecification.Reaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The waiting list's offer process, path by path: given the events of a clinic (its doctor, schedule,
 * appointment types and waiting patients, stored as their aggregates' own events), when time becomes
 * free or an offer ends, expect the commands it sends to bookings and to the entries, and what it
 * tells the patients. Everything is the running application's own, on PostgreSQL: the read models the
 * process reads are built from the given events, the holds it asks for are judged by the real claim
 * ledger, the offers it makes by the real entries. The clock stands still, so every time in a command
 * is known.
 */
@IntegrationTest
class WaitlistOfferProcessTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Duration VISIT = Duration.ofMinutes(30);
    private static final Duration SHORT_VISIT = Duration.ofMinutes(15);

    @Autowired
    ApplicationContext context;

    @Autowired
    WaitlistOffers offers;

    @Autowired
    OfferHolds offerHolds;

    private ProcessSpecification spec;
    private GivenClinic clinic;
    private Duration ttl;
    private Instant now;
    private LocalDate today;
    private LocalDate slotDay;
    private final UUID doctor = UUID.randomUUID();
    private final UUID type = UUID.randomUUID();
    private final UUID shortType = UUID.randomUUID();
    private final UUID booker = UUID.randomUUID();
    private final UUID receptionist = UUID.randomUUID();

    // The usual waiting room: urgent but only afternoons; urgent; soon (any cardiologist); routine mornings.
    private Waiting urgentAfternoons;
    private Waiting urgent;
    private Waiting soonBySpecialty;
    private Waiting routineMornings;

    /** A patient on the waiting list, and the event that put them there. */
    private record Waiting(
            UUID entryId, UUID patientId, WaitlistCriteria criteria, Urgency urgency, Instant joinedAt) {}

    @BeforeEach
    void aClinicWithACardiologistTwoVisitTypesAndAPatientWhoBooks() {
        spec = ProcessSpecification.of(context, "scheduling-waitlist-offers");
        now = spec.now();
        ttl = offers.offerTtl();
        today = LocalDate.ofInstant(now, RIYADH);
        slotDay = today.plusDays(3);
        clinic = new GivenClinic(context, RIYADH, now);
        spec.given(clinic.opened());
        spec.given(
                clinic.doctor(doctor, "cardiology"),
                clinic.appointmentType(type, VISIT),
                clinic.appointmentType(shortType, SHORT_VISIT),
                clinic.patient(booker));
    }

    @AfterEach
    void undo() {
        spec.close();
    }

    // --- the world ----------------------------------------------------------------------------

    private void givenTheDoctorWorks(String from, String to) {
        spec.given(clinic.everyDay(doctor, LocalTime.parse(from), LocalTime.parse(to)));
    }

    /** Waiting for the doctor (or any cardiologist) from today until a week after the slot's day. */
    private void givenTheUsualWaitingRoom() {
        urgentAfternoons = waiting(Urgency.URGENT, 31, forDoctor(type, today, slotDay.plusDays(7), hours(14, 18)));
        urgent = waiting(Urgency.URGENT, 12, forDoctor(type, today, slotDay.plusDays(7)));
        soonBySpecialty = waiting(
                Urgency.SOON,
                22,
                WaitlistCriteria.forSpecialty(
                        "cardiology", clinic.branchId, type, today, slotDay.plusDays(7), List.of()));
        routineMornings = waiting(Urgency.ROUTINE, 61, forDoctor(type, today, slotDay.plusDays(7), hours(8, 12)));
    }

    /** Registers the patient and puts them on the list, as having joined so many days ago. */
    private Waiting waiting(Urgency urgency, int daysAgo, WaitlistCriteria criteria) {
        Waiting waiting = new Waiting(
                UUID.randomUUID(), UUID.randomUUID(), criteria, urgency, now.minus(Duration.ofDays(daysAgo)));
        Instant lapsesAt = criteria.to().plusDays(1).atStartOfDay(RIYADH).toInstant();
        spec.given(
                clinic.patient(waiting.patientId()),
                new PatientJoinedWaitlist(
                        waiting.entryId(),
                        waiting.patientId(),
                        clinic.clinicId,
                        criteria,
                        urgency,
                        lapsesAt,
                        receptionist,
                        waiting.joinedAt()));
        return waiting;
    }

    private WaitlistCriteria forDoctor(UUID visitType, LocalDate from, LocalDate to, TimeOfDayRange... times) {
        return WaitlistCriteria.forDoctor(doctor, clinic.branchId, visitType, from, to, List.of(times));
    }

    private static TimeOfDayRange hours(int from, int to) {
        return new TimeOfDayRange(LocalTime.of(from, 0), LocalTime.of(to, 0));
    }

    private Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(RIYADH).toInstant();
    }

    private AppointmentSlot visit(Instant start) {
        return clinic.slot(doctor, type, VISIT, start);
    }

    private AppointmentSlot tenOClock() {
        return visit(at(slotDay, 10, 0));
    }

    /** The patient who is not on the list books this slot; returns the appointment. */
    private UUID givenBooked(AppointmentSlot slot) {
        UUID appointmentId = UUID.randomUUID();
        spec.given(new AppointmentBooked(appointmentId, booker, slot, receptionist, Optional.empty(), now));
        return appointmentId;
    }

    private AppointmentCancelled cancelled(UUID appointmentId, AppointmentSlot slot) {
        return new AppointmentCancelled(
                appointmentId, slot, CancellationReason.PATIENT_REQUEST, "travelling", false, false, receptionist, now);
    }

    // --- what the process is expected to send ------------------------------------------------

    private HoldSlot holdFor(Waiting patient, UUID hold, AppointmentSlot slot, Instant at) {
        return new HoldSlot(
                hold,
                patient.patientId(),
                slot,
                at.plus(ttl),
                Actor.SYSTEM_USER_ID,
                Optional.of(patient.entryId()),
                at);
    }

    private MakeOffer offerTo(Waiting patient, UUID hold, AppointmentSlot slot, Instant at, Waiting... hadItBefore) {
        return new MakeOffer(patient.entryId(), offer(hold, slot, at, hadItBefore), at);
    }

    private WaitlistOffer offer(UUID hold, AppointmentSlot slot, Instant at, Waiting... hadItBefore) {
        return new WaitlistOffer(
                hold,
                slot.doctorId(),
                slot.branchId(),
                slot.appointmentTypeId(),
                slot.time().start(),
                slot.time().end(),
                at.plus(ttl),
                Arrays.stream(hadItBefore).map(Waiting::entryId).toList());
    }

    private static ReleaseHold released(UUID hold, Instant at) {
        return new ReleaseHold(hold, WaitlistOffers.SYSTEM_USER, at);
    }

    private WaitlistOfferChanged.Offered toldOfOffer(Waiting patient, UUID hold, AppointmentSlot slot, Instant at) {
        return new WaitlistOfferChanged.Offered(
                patient.entryId(),
                patient.patientId(),
                hold,
                slot.doctorId(),
                slot.branchId(),
                slot.time().start(),
                at.plus(ttl),
                RIYADH,
                at);
    }

    /** The freed ten o'clock slot offered to the urgent patient, with the hold bound to {@code hold}. */
    private void givenTenOClockOfferedToTheUrgentPatient(UUID hold) {
        UUID booked = givenBooked(tenOClock());
        spec.given(cancelled(booked, tenOClock()))
                .expectCommands(holdFor(urgent, hold, tenOClock(), now), offerTo(urgent, hold, tenOClock(), now));
    }

    // --- a slot freed: held and offered ------------------------------------------------------

    @Test
    void aCancelledSlotIsHeldAndOfferedToTheBestRankedPatientItFits() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());
        UUID hold = spec.generated();

        var reaction = spec.when(cancelled(booked, tenOClock()))
                .expectCommands(holdFor(urgent, hold, tenOClock(), now), offerTo(urgent, hold, tenOClock(), now))
                .expectPublished(toldOfOffer(urgent, hold, tenOClock(), now));

        assertThat(offerHolds.isOfferHold(spec.id(hold)))
                .as("the hold is remembered as the process's own")
                .isTrue();
        assertThat(reaction.commandsOfOtherContexts())
                .as("the patient is told in the same step, urgently, until the offer lapses")
                .singleElement()
                .isInstanceOfSatisfying(NotificationCommand.Request.class, request -> {
                    assertThat(request.template()).isEqualTo("waitlist.offer-made");
                    assertThat(request.urgency()).isEqualTo(com.clinic.notifications.domain.Urgency.URGENT);
                    assertThat(request.recipient().patientId()).contains(urgent.patientId());
                    assertThat(request.expiresAt()).contains(now.plus(ttl));
                });
    }

    @Test
    void aMovedAppointmentFreesItsOldSlot() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());
        UUID hold = spec.generated();

        spec.when(new AppointmentRescheduled(
                        booked, tenOClock(), visit(at(slotDay.plusDays(1), 10, 0)), receptionist, now))
                .expectCommands(holdFor(urgent, hold, tenOClock(), now), offerTo(urgent, hold, tenOClock(), now));
    }

    @Test
    void anOrdinaryHoldThatRanOutFreesItsSlot() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID checkout = UUID.randomUUID();
        Instant holdUntil = now.plus(Duration.ofMinutes(5));
        spec.given(new SlotHeld(checkout, booker, tenOClock(), holdUntil, booker, Optional.empty(), now));
        Instant later = spec.advance(Duration.ofMinutes(5));
        UUID hold = spec.generated();

        spec.whenSent(new ExpireHold(checkout, holdUntil))
                .expectCommands(holdFor(urgent, hold, tenOClock(), later), offerTo(urgent, hold, tenOClock(), later));
    }

    @Test
    void aFreedSlotOfAnotherTypeIsOfferedAsASlotOfThePatientsTypeInsideTheFreedTime() {
        givenTheDoctorWorks("08:00", "20:00");
        Waiting shortVisit = waiting(Urgency.ROUTINE, 31, forDoctor(shortType, today, slotDay.plusDays(7)));
        UUID booked = givenBooked(tenOClock());
        UUID hold = spec.generated();
        // Free short slots are all over the day; only those inside the freed half hour are new to the list.
        AppointmentSlot firstQuarter = clinic.slot(doctor, shortType, SHORT_VISIT, at(slotDay, 10, 0));

        spec.when(cancelled(booked, tenOClock()))
                .expectCommands(
                        holdFor(shortVisit, hold, firstQuarter, now), offerTo(shortVisit, hold, firstQuarter, now));
    }

    @Test
    void amongEquallyUrgentPatientsWhoFitTheSlotTheOneWaitingLongestIsOfferedIt() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        AppointmentSlot afternoon = visit(at(slotDay, 15, 0));
        UUID booked = givenBooked(afternoon);
        UUID hold = spec.generated();

        spec.when(cancelled(booked, afternoon))
                .expectCommands(
                        holdFor(urgentAfternoons, hold, afternoon, now),
                        offerTo(urgentAfternoons, hold, afternoon, now));
    }

    // --- nobody to offer it to ------------------------------------------------------------

    @Test
    void whenNobodyFitsNothingIsHeldOrOffered() {
        givenTheDoctorWorks("08:00", "20:00");
        waiting(Urgency.URGENT, 31, forDoctor(type, today, slotDay.plusDays(7), hours(14, 18)));
        waiting(Urgency.URGENT, 31, forDoctor(type, slotDay.plusDays(1), slotDay.plusDays(3)));
        UUID booked = givenBooked(tenOClock());

        spec.when(cancelled(booked, tenOClock())).expectNoCommands().expectNothingPublished();
    }

    @Test
    void aFreedSlotThatHasStartedByTheTimeTheProcessHandlesItIsNotOffered() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());

        spec.whenLate(Duration.between(now, tenOClock().time().start()).plusMinutes(10), cancelled(booked, tenOClock()))
                .expectNoCommands();
    }

    @Test
    void aFreedSlotThatIsOverByTheTimeTheProcessHandlesItIsNotOffered() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());

        spec.whenLate(Duration.between(now, tenOClock().time().end()), cancelled(booked, tenOClock()))
                .expectNoCommands();
    }

    @Test
    void aSlotSomeoneElseBookedBeforeTheProcessGotToItIsNotOffered() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());
        UUID quicker = UUID.randomUUID();
        spec.given(clinic.patient(quicker));

        spec.when(
                        cancelled(booked, tenOClock()),
                        new AppointmentBooked(
                                UUID.randomUUID(), quicker, tenOClock(), receptionist, Optional.empty(), now))
                .expectNoCommands();
    }

    @Test
    void aSlotFreedOfADoctorNoLongerActiveIsOfferedToNobody() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());
        spec.given(clinic.deactivated(doctor));

        spec.when(cancelled(booked, tenOClock())).expectNoCommands();
    }

    @Test
    void anEntryThatGotAnotherOfferSinceTheReadModelSawItIsSkippedAndTheHoldGoesToTheNext() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        AppointmentSlot halfPast = visit(at(slotDay, 10, 30));
        UUID first = givenBooked(halfPast);
        UUID second = givenBooked(tenOClock());
        UUID earlier = spec.generated();
        UUID refused = spec.generated();
        UUID passedOn = spec.generated();

        try (ProcessSpecification.Paused entries = spec.pause("scheduling-waitlist-entries")) {
            // The read model no longer sees this offer: the urgent patient still looks free to it.
            spec.given(cancelled(first, halfPast))
                    .expectCommands(holdFor(urgent, earlier, halfPast, now), offerTo(urgent, earlier, halfPast, now));

            spec.when(cancelled(second, tenOClock()))
                    .expectCommands(
                            holdFor(urgent, refused, tenOClock(), now),
                            offerTo(urgent, refused, tenOClock(), now),
                            released(refused, now),
                            holdFor(soonBySpecialty, passedOn, tenOClock(), now),
                            offerTo(soonBySpecialty, passedOn, tenOClock(), now))
                    .expectPublished(toldOfOffer(soonBySpecialty, passedOn, tenOClock(), now));
        }
    }

    // --- its own holds are not freed time -------------------------------------------------

    @Test
    void releasingOneOfItsOwnOfferHoldsIsNotAFreshlyFreedSlot() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID hold = spec.generated();
        givenTenOClockOfferedToTheUrgentPatient(hold);

        // The release the process itself makes when an offer ends; the offer's end passes the slot on.
        spec.whenSent(new ReleaseHold(hold, WaitlistOffers.SYSTEM_USER, now)).expectNoCommands();
    }

    @Test
    void oneOfItsOwnOfferHoldsRunningOutIsLeftToTheOffersOwnExpiry() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID hold = spec.generated();
        givenTenOClockOfferedToTheUrgentPatient(hold);
        spec.advance(ttl);

        spec.whenSent(new ExpireHold(hold, now.plus(ttl))).expectNoCommands();
    }

    @Test
    void anOfferHoldWhoseOfferWasNeverRecordedFreesItsSlotWhenItRunsOut() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        // Held for an offer whose step then rolled back, and not released: an orphan, which nothing but
        // its own expiry can pass on.
        UUID orphan = UUID.randomUUID();
        spec.given(new SlotHeld(
                orphan,
                routineMornings.patientId(),
                tenOClock(),
                now.plus(ttl),
                Actor.SYSTEM_USER_ID,
                Optional.of(routineMornings.entryId()),
                now));
        Instant later = spec.advance(ttl);
        UUID hold = spec.generated();

        spec.whenSent(new ExpireHold(orphan, now.plus(ttl)))
                .expectCommands(holdFor(urgent, hold, tenOClock(), later), offerTo(urgent, hold, tenOClock(), later));
    }

    @Test
    void anAbandonedCheckoutHoldIsAFreedSlotLikeAnyOther() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID checkout = UUID.randomUUID();
        spec.given(new SlotHeld(
                checkout, booker, tenOClock(), now.plus(Duration.ofMinutes(5)), booker, Optional.empty(), now));
        UUID hold = spec.generated();

        spec.whenSent(new ReleaseHold(checkout, booker, now))
                .expectCommands(holdFor(urgent, hold, tenOClock(), now), offerTo(urgent, hold, tenOClock(), now));
    }

    // --- an offer ends: released, and on to the next --------------------------------------

    @Test
    void anExpiredOfferIsReleasedThePatientToldAndTheSlotOfferedToTheNext() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID first = spec.generated();
        UUID second = spec.generated();
        givenTenOClockOfferedToTheUrgentPatient(first);
        Instant later = spec.advance(ttl);

        spec.whenSent(new ExpireOffer(urgent.entryId(), first, now.plus(ttl)))
                .expectCommands(
                        released(first, later),
                        holdFor(soonBySpecialty, second, tenOClock(), later),
                        offerTo(soonBySpecialty, second, tenOClock(), later, urgent))
                .expectPublished(
                        new WaitlistOfferChanged.Expired(
                                urgent.entryId(),
                                urgent.patientId(),
                                first,
                                doctor,
                                clinic.branchId,
                                tenOClock().time().start(),
                                now.plus(ttl),
                                RIYADH,
                                later),
                        toldOfOffer(soonBySpecialty, second, tenOClock(), later));
    }

    @Test
    void aDeclinedOfferGoesToTheNextPatientWhoHasNotHadIt() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID first = spec.generated();
        UUID second = spec.generated();
        UUID third = spec.generated();
        givenTenOClockOfferedToTheUrgentPatient(first);
        spec.givenSent(new DeclineOffer(urgent.entryId(), Optional.of(first), receptionist, now))
                .expectCommands(
                        released(first, now),
                        holdFor(soonBySpecialty, second, tenOClock(), now),
                        offerTo(soonBySpecialty, second, tenOClock(), now, urgent));

        spec.whenSent(new DeclineOffer(soonBySpecialty.entryId(), Optional.of(second), receptionist, now))
                .expectCommands(
                        released(second, now),
                        holdFor(routineMornings, third, tenOClock(), now),
                        offerTo(routineMornings, third, tenOClock(), now, urgent, soonBySpecialty));
    }

    @Test
    void whenEveryoneWhoFitsHasHadTheSlotItIsOnlyReleased() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID first = spec.generated();
        UUID second = spec.generated();
        UUID third = spec.generated();
        givenTenOClockOfferedToTheUrgentPatient(first);
        spec.givenSent(new DeclineOffer(urgent.entryId(), Optional.of(first), receptionist, now))
                .expectCommands(
                        released(first, now),
                        holdFor(soonBySpecialty, second, tenOClock(), now),
                        offerTo(soonBySpecialty, second, tenOClock(), now, urgent));
        spec.givenSent(new DeclineOffer(soonBySpecialty.entryId(), Optional.of(second), receptionist, now))
                .expectCommands(
                        released(second, now),
                        holdFor(routineMornings, third, tenOClock(), now),
                        offerTo(routineMornings, third, tenOClock(), now, urgent, soonBySpecialty));

        // Only the patient who waits for afternoons is left, and ten o'clock is not theirs.
        spec.whenSent(new DeclineOffer(routineMornings.entryId(), Optional.of(third), receptionist, now))
                .expectCommands(released(third, now))
                .expectNothingPublished();
    }

    @Test
    void theCascadeRunsOfferExpireNextDeclineNextOnTheControlledClock() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID booked = givenBooked(tenOClock());
        UUID first = spec.generated();
        UUID second = spec.generated();
        UUID third = spec.generated();

        spec.when(cancelled(booked, tenOClock()))
                .expectCommands(holdFor(urgent, first, tenOClock(), now), offerTo(urgent, first, tenOClock(), now));
        Instant expired = spec.advance(ttl);
        spec.whenSent(new ExpireOffer(urgent.entryId(), first, expired))
                .expectCommands(
                        released(first, expired),
                        holdFor(soonBySpecialty, second, tenOClock(), expired),
                        offerTo(soonBySpecialty, second, tenOClock(), expired, urgent));
        Instant declined = spec.advance(Duration.ofMinutes(3));
        spec.whenSent(new DeclineOffer(soonBySpecialty.entryId(), Optional.of(second), receptionist, declined))
                .expectCommands(
                        released(second, declined),
                        holdFor(routineMornings, third, tenOClock(), declined),
                        offerTo(routineMornings, third, tenOClock(), declined, urgent, soonBySpecialty));
    }

    // --- closed entries hand their offer back ----------------------------------------------

    @Test
    void aPatientWithdrawingWithAnOpenOfferPassesItOn() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();
        UUID first = spec.generated();
        UUID second = spec.generated();
        givenTenOClockOfferedToTheUrgentPatient(first);

        spec.whenSent(new Withdraw(urgent.entryId(), receptionist, now))
                .expectCommands(
                        released(first, now),
                        holdFor(soonBySpecialty, second, tenOClock(), now),
                        offerTo(soonBySpecialty, second, tenOClock(), now, urgent));
    }

    @Test
    void aWithdrawalWithoutAnOfferChangesNothing() {
        givenTheDoctorWorks("08:00", "20:00");
        givenTheUsualWaitingRoom();

        spec.whenSent(new Withdraw(urgent.entryId(), receptionist, now)).expectNoCommands();
    }

    @Test
    void anEntryLapsingWithAnOpenOfferReleasesItsHoldAndTheSlotNowPastGoesToNobody() {
        givenTheDoctorWorks("08:00", "20:00");
        // The last day of this patient's window is the slot's; the next patient's window runs on.
        Waiting lastDay = waiting(Urgency.URGENT, 12, forDoctor(type, today, slotDay));
        waiting(Urgency.SOON, 12, forDoctor(type, today, slotDay.plusDays(7)));
        UUID booked = givenBooked(tenOClock());
        UUID hold = spec.generated();
        spec.given(cancelled(booked, tenOClock()))
                .expectCommands(holdFor(lastDay, hold, tenOClock(), now), offerTo(lastDay, hold, tenOClock(), now));
        // Both of the entry's deadlines are due by the end of its window; here the window's fires first.
        Instant windowEnd = slotDay.plusDays(1).atStartOfDay(RIYADH).toInstant();
        spec.advance(Duration.between(now, windowEnd));

        spec.whenSent(new Lapse(lastDay.entryId(), windowEnd)).expectCommands(released(hold, windowEnd));
    }

    // --- schedules gaining capacity ----------------------------------------------------------

    @Test
    void anExtraSessionIsOfferedSlotBySlotToEveryWaitingPatientItFits() {
        givenTheDoctorWorks("08:00", "12:00");
        Waiting soon = waiting(Urgency.SOON, 12, forDoctor(type, slotDay, slotDay.plusDays(7), hours(14, 18)));
        Waiting routine =
                waiting(Urgency.ROUTINE, 31, forDoctor(shortType, slotDay, slotDay.plusDays(7), hours(14, 18)));
        UUID first = spec.generated();
        UUID second = spec.generated();
        AppointmentSlot two = visit(at(slotDay, 14, 0));
        AppointmentSlot twoThirty = clinic.slot(doctor, shortType, SHORT_VISIT, at(slotDay, 14, 30));

        spec.when(extraSession(slotDay, 14, 15))
                .expectCommands(
                        holdFor(soon, first, two, now),
                        offerTo(soon, first, two, now),
                        holdFor(routine, second, twoThirty, now),
                        offerTo(routine, second, twoThirty, now));
    }

    @Test
    void newCapacitySlotSearchHasNotSeenIsGivenBackToTheProcessorAndOfferedOnceItHas() {
        givenTheDoctorWorks("08:00", "12:00");
        Waiting soon = waiting(Urgency.SOON, 12, forDoctor(type, slotDay, slotDay.plusDays(7), hours(14, 18)));
        UUID hold = spec.generated();
        AppointmentSlot two = visit(at(slotDay, 14, 0));

        Reaction reaction = spec.whenBehind(AvailabilityReadModel.PROJECTION, extraSession(slotDay, 14, 15))
                .expectCommands(holdFor(soon, hold, two, now), offerTo(soon, hold, two, now));

        assertThat(reaction.failures())
                .as("the attempts before slot search had the session sent nothing and were retried")
                .isNotEmpty()
                .allSatisfy(failure -> assertThat(failure)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("the offer process retries it later"));
    }

    @Test
    void newWeeklyHoursAreOfferedToAPatientWaitingForTimesTheyOpen() {
        givenTheDoctorWorks("08:00", "12:00");
        Waiting afternoons = waiting(Urgency.SOON, 12, forDoctor(type, slotDay, slotDay.plusDays(7), hours(14, 18)));
        WorkingHoursDefined mornings = clinic.everyDay(doctor, LocalTime.of(8, 0), LocalTime.of(12, 0));
        WorkingHoursDefined longer = clinic.everyDay(doctor, LocalTime.of(8, 0), LocalTime.of(18, 0));
        UUID hold = spec.generated();
        AppointmentSlot two = visit(at(slotDay, 14, 0));

        spec.when(new WorkingHoursDefined(
                        longer.scheduleId(),
                        doctor,
                        clinic.branchId,
                        longer.workingHours(),
                        mornings.workingHours(),
                        clinic.admin,
                        now))
                .expectCommands(holdFor(afternoons, hold, two, now), offerTo(afternoons, hold, two, now));
    }

    @Test
    void timeOffWithdrawnIsOfferedToAPatientWaitingForThatDay() {
        givenTheDoctorWorks("08:00", "20:00");
        LocalPeriod wholeDay = new LocalPeriod(slotDay.atTime(8, 0), slotDay.atTime(20, 0));
        UUID timeOff = UUID.randomUUID();
        spec.given(new TimeOffAdded(
                clinic.scheduleId(doctor), doctor, clinic.branchId, timeOff, wholeDay, clinic.admin, now));
        Waiting thatDay = waiting(Urgency.ROUTINE, 12, forDoctor(type, slotDay, slotDay, hours(8, 12)));
        UUID hold = spec.generated();
        AppointmentSlot eight = visit(at(slotDay, 8, 0));

        spec.when(new TimeOffRemoved(
                        clinic.scheduleId(doctor), doctor, clinic.branchId, timeOff, wholeDay, clinic.admin, now))
                .expectCommands(holdFor(thatDay, hold, eight, now), offerTo(thatDay, hold, eight, now));
    }

    @Test
    void aCancelledBranchHolidayOffersTheReopenedDayOfEveryDoctorWorkingAtTheBranch() {
        UUID colleague = UUID.randomUUID();
        spec.given(clinic.doctor(colleague, "dermatology"));
        givenTheDoctorWorks("08:00", "20:00");
        spec.given(clinic.everyDay(colleague, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        BilingualName holiday = new BilingualName("عطلة", "Holiday");
        spec.given(new HolidayDeclared(clinic.calendarId(), clinic.branchId, slotDay, holiday, clinic.admin, now));
        // Both wait mornings from the holiday on, so the day after is free for them as well.
        Waiting forDoctor = waiting(Urgency.ROUTINE, 12, forDoctor(type, slotDay, slotDay.plusDays(7), hours(8, 12)));
        Waiting forColleague = waiting(
                Urgency.ROUTINE,
                11,
                WaitlistCriteria.forDoctor(
                        colleague, clinic.branchId, type, slotDay, slotDay.plusDays(7), List.of(hours(8, 12))));
        UUID doctorsHold = spec.generated();
        UUID colleaguesHold = spec.generated();
        AppointmentSlot doctorsEight = visit(at(slotDay, 8, 0));
        AppointmentSlot colleaguesEight = clinic.slot(colleague, type, VISIT, at(slotDay, 8, 0));

        Reaction reaction = spec.when(
                new HolidayCancelled(clinic.calendarId(), clinic.branchId, slotDay, holiday, clinic.admin, now));

        assertThat(reaction.commands()).hasSize(4);
        reaction.about(doctor)
                .expectCommands(
                        holdFor(forDoctor, doctorsHold, doctorsEight, now),
                        offerTo(forDoctor, doctorsHold, doctorsEight, now));
        reaction.about(colleague)
                .expectCommands(
                        holdFor(forColleague, colleaguesHold, colleaguesEight, now),
                        offerTo(forColleague, colleaguesHold, colleaguesEight, now));
    }

    private ExtraSessionAdded extraSession(LocalDate day, int fromHour, int toHour) {
        return new ExtraSessionAdded(
                clinic.scheduleId(doctor),
                doctor,
                clinic.branchId,
                UUID.randomUUID(),
                new LocalPeriod(day.atTime(fromHour, 0), day.atTime(toHour, 0)),
                clinic.admin,
                now);
    }
}
