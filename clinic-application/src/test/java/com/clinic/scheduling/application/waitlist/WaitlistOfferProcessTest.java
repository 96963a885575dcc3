package com.clinic.scheduling.application.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.axon.Commands;
import com.clinic.scheduling.WaitlistOfferChanged;
import com.clinic.scheduling.application.availability.AvailabilityReadModel;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.FakeDirectory;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.FakeReadModels;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.FakeSlotSearch;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.InMemoryEntries;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.InMemoryOfferHolds;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.RecordingBooking;
import com.clinic.scheduling.application.waitlist.WaitlistTestDoubles.RecordingEvents;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel.Candidate;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionAdded;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import com.clinic.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of the offer process, driven by the events it subscribes to, with in-memory ports and a
 * clock the test controls. The entry aggregate's side of each step is covered by its own fixture.
 */
class WaitlistOfferProcessTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID TYPE = UUID.randomUUID();
    private static final UUID SHORT_TYPE = UUID.randomUUID();
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);
    private static final Instant NOW =
            LocalDateTime.of(2026, 6, 1, 9, 0).atZone(RIYADH).toInstant();
    private static final LocalDate SLOT_DAY = LocalDate.of(2026, 6, 3);
    private static final Instant SLOT_START =
            SLOT_DAY.atTime(10, 0).atZone(RIYADH).toInstant();
    private static final TimeRange SLOT_TIME = new TimeRange(SLOT_START, SLOT_START.plus(Duration.ofMinutes(30)));

    private final InMemoryEntries entries = new InMemoryEntries();
    private final FakeDirectory directory = new FakeDirectory();
    private final RecordingBooking booking = new RecordingBooking();
    private final FakeSlotSearch slots = new FakeSlotSearch();
    private final InMemoryOfferHolds offerHolds = new InMemoryOfferHolds();
    private final RecordingEvents events = new RecordingEvents();
    private final FakeReadModels readModels = new FakeReadModels();
    private final TestClock clock = TestClock.at(NOW);
    private final List<MakeOffer> offersSent = new CopyOnWriteArrayList<>();
    private final Set<UUID> entriesThatMovedOn = new HashSet<>();

    private WaitlistOfferProcess process;
    private WaitlistOffers offers;

    // Urgent but only afternoons; urgent; soon (any cardiologist); routine mornings.
    private Candidate urgentAfternoons;
    private Candidate urgent;
    private Candidate soonBySpecialty;
    private Candidate routineMornings;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(MakeOffer.class.getName(), message -> {
            MakeOffer command = (MakeOffer) message.getPayload();
            offersSent.add(command);
            return !entriesThatMovedOn.contains(command.entryId());
        });
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        offers = new WaitlistOffers(
                entries,
                directory,
                booking,
                slots,
                offerHolds,
                events,
                new Commands(gateway),
                clock,
                new WaitlistSettings(TTL, PROJECTION_WAIT));
        process = new WaitlistOfferProcess(
                offers, offerHolds, directory, readModels, new WaitlistSettings(TTL, PROJECTION_WAIT));

        directory.branches.put(BRANCH, new BranchFacts(BRANCH, CLINIC, RIYADH));
        directory.doctors.put(
                DOCTOR, new DoctorFacts(DOCTOR, UUID.randomUUID(), CLINIC, Set.of(BRANCH), Set.of("cardiology"), true));
        urgentAfternoons = candidate(Urgency.URGENT, "2026-05-01T08:00:00Z", doctor(TYPE, range(14, 18)));
        urgent = candidate(Urgency.URGENT, "2026-05-20T08:00:00Z", doctor(TYPE));
        soonBySpecialty = candidate(
                Urgency.SOON,
                "2026-05-10T08:00:00Z",
                WaitlistCriteria.forSpecialty(
                        "cardiology", BRANCH, TYPE, SLOT_DAY.minusDays(2), SLOT_DAY.plusDays(7), List.of()));
        routineMornings = candidate(Urgency.ROUTINE, "2026-04-01T08:00:00Z", doctor(TYPE, range(8, 12)));
    }

    private static WaitlistCriteria doctor(UUID type, TimeOfDayRange... times) {
        return WaitlistCriteria.forDoctor(
                DOCTOR, BRANCH, type, SLOT_DAY.minusDays(2), SLOT_DAY.plusDays(7), List.of(times));
    }

    private static TimeOfDayRange range(int fromHour, int toHour) {
        return new TimeOfDayRange(LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    private Candidate candidate(Urgency urgency, String joinedAt, WaitlistCriteria criteria) {
        UUID patientId = UUID.randomUUID();
        directory.patients.put(
                patientId, new PatientFacts(patientId, CLINIC, BRANCH, Optional.of(UUID.randomUUID()), "ar", false));
        Candidate candidate = new Candidate(UUID.randomUUID(), patientId, criteria, urgency, Instant.parse(joinedAt));
        entries.waiting.add(candidate);
        return candidate;
    }

    private static AppointmentSlot slot(UUID type, TimeRange time) {
        return new AppointmentSlot(CLINIC, BRANCH, DOCTOR, type, time, time, false, 1);
    }

    private static AppointmentCancelled cancelled(UUID appointmentId, boolean wasHold) {
        return new AppointmentCancelled(
                appointmentId,
                slot(TYPE, SLOT_TIME),
                CancellationReason.PATIENT_REQUEST,
                "",
                false,
                wasHold,
                UUID.randomUUID(),
                NOW);
    }

    private WaitlistOffer lastOffer() {
        return offersSent.getLast().offer();
    }

    // --- slot freed -> hold + offer ----------------------------------------------------------

    @Test
    void aCancelledSlotIsHeldAndOfferedToTheBestRankedPatientItFits() {
        process.on(cancelled(UUID.randomUUID(), false));

        assertThat(booking.holds).singleElement().satisfies(hold -> {
            assertThat(hold.entryId()).isEqualTo(urgent.entryId());
            assertThat(hold.patientId()).isEqualTo(urgent.patientId());
            assertThat(hold.start()).isEqualTo(SLOT_START);
            assertThat(hold.holdUntil()).isEqualTo(NOW.plus(TTL));
        });
        UUID held = booking.holds.getFirst().appointmentId();
        assertThat(offersSent)
                .containsExactly(new MakeOffer(
                        urgent.entryId(),
                        new WaitlistOffer(
                                held, DOCTOR, BRANCH, TYPE, SLOT_START, SLOT_TIME.end(), NOW.plus(TTL), List.of()),
                        NOW));
        assertThat(offerHolds.isOfferHold(held)).isTrue();
        assertThat(events.published)
                .containsExactly(new WaitlistOfferChanged.Offered(
                        urgent.entryId(),
                        urgent.patientId(),
                        held,
                        DOCTOR,
                        BRANCH,
                        SLOT_START,
                        NOW.plus(TTL),
                        RIYADH,
                        NOW));
    }

    @Test
    void aMovedAppointmentFreesItsOldSlot() {
        TimeRange later = new TimeRange(
                SLOT_START.plus(Duration.ofDays(1)), SLOT_TIME.end().plus(Duration.ofDays(1)));
        process.on(new AppointmentRescheduled(
                UUID.randomUUID(), slot(TYPE, SLOT_TIME), slot(TYPE, later), UUID.randomUUID(), NOW));

        assertThat(offersSent).singleElement().satisfies(sent -> {
            assertThat(sent.entryId()).isEqualTo(urgent.entryId());
            assertThat(sent.offer().start()).isEqualTo(SLOT_START);
        });
    }

    @Test
    void anOrdinaryHoldThatRanOutFreesItsSlot() {
        process.on(new HoldExpired(UUID.randomUUID(), slot(TYPE, SLOT_TIME), Optional.empty(), NOW));

        assertThat(offersSent).extracting(MakeOffer::entryId).containsExactly(urgent.entryId());
    }

    @Test
    void aFreedSlotOfAnotherTypeIsOfferedAsASlotOfThePatientsTypeInsideTheFreedTime() {
        entries.waiting.clear();
        Candidate shortVisit = candidate(Urgency.ROUTINE, "2026-05-01T08:00:00Z", doctor(SHORT_TYPE));
        Instant outside = SLOT_START.minus(Duration.ofHours(2));
        slots.slots.add(new Slot(DOCTOR, BRANCH, new TimeRange(outside, outside.plusSeconds(900)), RIYADH, 1));
        slots.slots.add(new Slot(DOCTOR, BRANCH, new TimeRange(SLOT_START, SLOT_START.plusSeconds(900)), RIYADH, 1));

        process.on(cancelled(UUID.randomUUID(), false));

        assertThat(offersSent).singleElement().satisfies(sent -> {
            assertThat(sent.entryId()).isEqualTo(shortVisit.entryId());
            assertThat(sent.offer().appointmentTypeId()).isEqualTo(SHORT_TYPE);
            assertThat(sent.offer().start()).isEqualTo(SLOT_START);
            assertThat(sent.offer().end()).isEqualTo(SLOT_START.plusSeconds(900));
        });
    }

    // --- nobody matching -> nothing ---------------------------------------------------------

    @Test
    void whenNobodyFitsNothingIsHeldOrOffered() {
        entries.waiting.clear();
        candidate(Urgency.URGENT, "2026-05-01T08:00:00Z", doctor(TYPE, range(14, 18)));
        candidate(
                Urgency.URGENT,
                "2026-05-01T08:00:00Z",
                WaitlistCriteria.forDoctor(
                        DOCTOR, BRANCH, TYPE, SLOT_DAY.plusDays(1), SLOT_DAY.plusDays(3), List.of()));

        process.on(cancelled(UUID.randomUUID(), false));

        assertThat(booking.holds).isEmpty();
        assertThat(offersSent).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void aSlotThatHasAlreadyStartedIsNotOffered() {
        clock.advance(Duration.ofDays(3));

        process.on(cancelled(UUID.randomUUID(), false));

        assertThat(booking.holds).isEmpty();
        assertThat(offersSent).isEmpty();
    }

    @Test
    void aSlotSomeoneElseWonMeanwhileIsNotOffered() {
        booking.takenStarts.add(SLOT_START);

        process.on(cancelled(UUID.randomUUID(), false));

        assertThat(booking.holds).isEmpty();
        assertThat(offersSent).isEmpty();
    }

    @Test
    void aPatientWhoMeanwhileGotAnotherOfferIsSkippedAndTheHoldGoesToTheNext() {
        entriesThatMovedOn.add(urgent.entryId());

        process.on(cancelled(UUID.randomUUID(), false));

        assertThat(offersSent)
                .extracting(MakeOffer::entryId)
                .containsExactly(urgent.entryId(), soonBySpecialty.entryId());
        assertThat(booking.released).containsExactly(booking.holds.getFirst().appointmentId());
        assertThat(events.published)
                .extracting(WaitlistOfferChanged::patientId)
                .containsExactly(soonBySpecialty.patientId());
    }

    @Test
    void releasingOneOfItsOwnOfferHoldsIsNotAFreshlyFreedSlot() {
        UUID ownHold = UUID.randomUUID();
        offerHolds.remember(ownHold, urgent.entryId());

        process.on(cancelled(ownHold, true));
        process.on(new HoldExpired(ownHold, slot(TYPE, SLOT_TIME), Optional.of(urgent.entryId()), NOW));

        assertThat(offersSent).isEmpty();
    }

    @Test
    void anOfferHoldWhoseOfferWasNeverRecordedFreesItsSlotWhenItRunsOut() {
        // Held for an offer whose step then rolled back, and not released: an orphan, which nothing
        // but its own expiry can pass on.
        UUID orphan = UUID.randomUUID();

        process.on(new HoldExpired(orphan, slot(TYPE, SLOT_TIME), Optional.of(routineMornings.entryId()), NOW));

        assertThat(offersSent).extracting(MakeOffer::entryId).containsExactly(urgent.entryId());
    }

    @Test
    void anAbandonedCheckoutHoldIsAFreedSlotLikeAnyOther() {
        process.on(cancelled(UUID.randomUUID(), true));

        assertThat(offersSent).extracting(MakeOffer::entryId).containsExactly(urgent.entryId());
    }

    // --- offer expired -> next; declined -> next ---------------------------------------------

    @Test
    void anExpiredOfferIsReleasedThePatientToldAndTheSlotOfferedToTheNext() {
        process.on(cancelled(UUID.randomUUID(), false));
        WaitlistOffer first = lastOffer();
        clock.advance(TTL);

        process.on(new OfferExpired(urgent.entryId(), urgent.patientId(), first, NOW.plus(TTL)));

        assertThat(booking.released).containsExactly(first.appointmentId());
        assertThat(offersSent)
                .extracting(MakeOffer::entryId)
                .containsExactly(urgent.entryId(), soonBySpecialty.entryId());
        WaitlistOffer second = lastOffer();
        assertThat(second.earlierRecipients()).containsExactly(urgent.entryId());
        assertThat(second.expiresAt()).isEqualTo(NOW.plus(TTL).plus(TTL));
        assertThat(events.published)
                .extracting(change -> change.getClass().getSimpleName(), WaitlistOfferChanged::patientId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Offered", urgent.patientId()),
                        org.assertj.core.groups.Tuple.tuple("Expired", urgent.patientId()),
                        org.assertj.core.groups.Tuple.tuple("Offered", soonBySpecialty.patientId()));
    }

    @Test
    void aDeclinedOfferGoesToTheNextPatientWhoHasNotHadIt() {
        WaitlistOffer declined = new WaitlistOffer(
                UUID.randomUUID(),
                DOCTOR,
                BRANCH,
                TYPE,
                SLOT_START,
                SLOT_TIME.end(),
                NOW.plus(TTL),
                List.of(urgent.entryId()));

        process.on(new OfferDeclined(
                soonBySpecialty.entryId(), soonBySpecialty.patientId(), declined, UUID.randomUUID(), NOW));

        assertThat(booking.released).containsExactly(declined.appointmentId());
        assertThat(offersSent).singleElement().satisfies(sent -> {
            assertThat(sent.entryId()).isEqualTo(routineMornings.entryId());
            assertThat(sent.offer().earlierRecipients()).containsExactly(urgent.entryId(), soonBySpecialty.entryId());
        });
    }

    @Test
    void whenEveryoneHasHadTheSlotItIsOnlyReleased() {
        WaitlistOffer declined = new WaitlistOffer(
                UUID.randomUUID(),
                DOCTOR,
                BRANCH,
                TYPE,
                SLOT_START,
                SLOT_TIME.end(),
                NOW.plus(TTL),
                List.of(urgent.entryId(), soonBySpecialty.entryId()));

        process.on(new OfferDeclined(
                routineMornings.entryId(), routineMornings.patientId(), declined, UUID.randomUUID(), NOW));

        assertThat(booking.released).containsExactly(declined.appointmentId());
        assertThat(booking.holds).isEmpty();
        assertThat(offersSent).isEmpty();
    }

    @Test
    void theCascadeRunsOfferExpireNextDeclineNextOnTheControlledClock() {
        process.on(cancelled(UUID.randomUUID(), false));
        clock.advance(TTL);
        process.on(new OfferExpired(urgent.entryId(), urgent.patientId(), lastOffer(), clock.instant()));
        clock.advance(Duration.ofMinutes(3));
        process.on(new OfferDeclined(
                soonBySpecialty.entryId(),
                soonBySpecialty.patientId(),
                lastOffer(),
                UUID.randomUUID(),
                clock.instant()));

        assertThat(offersSent)
                .extracting(MakeOffer::entryId)
                .containsExactly(urgent.entryId(), soonBySpecialty.entryId(), routineMornings.entryId());
        assertThat(lastOffer().expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(booking.released).hasSize(2);
    }

    // --- closed entries hand their offer back -------------------------------------------------

    @Test
    void aPatientWithdrawingWithAnOpenOfferPassesItOn() {
        process.on(cancelled(UUID.randomUUID(), false));
        WaitlistOffer open = lastOffer();

        process.on(new EntryWithdrawn(urgent.entryId(), urgent.patientId(), Optional.of(open), UUID.randomUUID(), NOW));

        assertThat(booking.released).containsExactly(open.appointmentId());
        assertThat(offersSent)
                .extracting(MakeOffer::entryId)
                .containsExactly(urgent.entryId(), soonBySpecialty.entryId());
    }

    @Test
    void aWithdrawalWithoutAnOfferChangesNothing() {
        process.on(new EntryWithdrawn(urgent.entryId(), urgent.patientId(), Optional.empty(), UUID.randomUUID(), NOW));

        assertThat(booking.released).isEmpty();
        assertThat(offersSent).isEmpty();
    }

    @Test
    void anEntryLapsingWithAnOpenOfferPassesItOn() {
        process.on(cancelled(UUID.randomUUID(), false));
        WaitlistOffer open = lastOffer();

        process.on(new EntryLapsed(urgent.entryId(), urgent.patientId(), Optional.of(open), NOW));

        assertThat(booking.released).containsExactly(open.appointmentId());
        assertThat(offersSent).hasSize(2);
    }

    // --- schedules gaining capacity ----------------------------------------------------------

    @Test
    void newCapacityIsOfferedSlotBySlotToEveryPatientWhoFits() {
        entries.waiting.clear();
        Candidate soon = candidate(Urgency.SOON, "2026-05-20T08:00:00Z", doctor(TYPE));
        Candidate routine = candidate(Urgency.ROUTINE, "2026-05-01T08:00:00Z", doctor(SHORT_TYPE));
        Instant two = SLOT_DAY.atTime(14, 0).atZone(RIYADH).toInstant();
        Instant twoThirty = two.plus(Duration.ofMinutes(30));
        slots.slots.add(new Slot(DOCTOR, BRANCH, new TimeRange(two, twoThirty), RIYADH, 1));
        slots.slots.add(
                new Slot(DOCTOR, BRANCH, new TimeRange(twoThirty, twoThirty.plus(Duration.ofMinutes(30))), RIYADH, 1));

        int made = offers.matchFreedCapacity(DOCTOR, BRANCH, two, two.plus(Duration.ofHours(2)));

        assertThat(made).isEqualTo(2);
        assertThat(offersSent)
                .extracting(sent -> sent.entryId(), sent -> sent.offer().start())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(soon.entryId(), two),
                        org.assertj.core.groups.Tuple.tuple(routine.entryId(), twoThirty));
    }

    @Test
    void anExtraSessionIsOfferedToTheWaitingPatientItFitsOnceSlotSearchHasHandledIt() {
        entries.waiting.clear();
        Candidate waiting = candidate(Urgency.ROUTINE, "2026-05-20T08:00:00Z", doctor(TYPE));
        Instant four = SLOT_DAY.atTime(16, 0).atZone(RIYADH).toInstant();
        slots.slots.add(new Slot(DOCTOR, BRANCH, new TimeRange(four, four.plus(Duration.ofMinutes(30))), RIYADH, 1));
        TrackingToken position = new GlobalSequenceTrackingToken(41);

        process.on(extraSession(SLOT_DAY.atTime(16, 0), SLOT_DAY.atTime(17, 0)), position);

        assertThat(readModels.waited)
                .containsExactly(
                        new FakeReadModels.Waited(AvailabilityReadModel.PROJECTION, position, PROJECTION_WAIT));
        assertThat(offersSent)
                .extracting(sent -> sent.entryId(), sent -> sent.offer().start())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(waiting.entryId(), four));
    }

    @Test
    void newCapacitySlotSearchHasNotHandledWithinTheWaitIsGivenBackToTheProcessorUnoffered() {
        entries.waiting.clear();
        candidate(Urgency.ROUTINE, "2026-05-20T08:00:00Z", doctor(TYPE));
        Instant four = SLOT_DAY.atTime(16, 0).atZone(RIYADH).toInstant();
        slots.slots.add(new Slot(DOCTOR, BRANCH, new TimeRange(four, four.plus(Duration.ofMinutes(30))), RIYADH, 1));
        readModels.handledUpTo = 40;

        assertThatThrownBy(() -> process.on(
                        extraSession(SLOT_DAY.atTime(16, 0), SLOT_DAY.atTime(17, 0)),
                        new GlobalSequenceTrackingToken(41)))
                .isInstanceOf(WaitlistOfferProcess.SlotSearchBehind.class);
        assertThat(booking.holds).isEmpty();
        assertThat(offersSent).isEmpty();
    }

    @Test
    void aCancelledBranchHolidayOffersTheReopenedDayOfEveryDoctorWorkingAtTheBranch() {
        entries.waiting.clear();
        UUID otherDoctor = UUID.randomUUID();
        directory.doctors.put(
                otherDoctor,
                new DoctorFacts(otherDoctor, UUID.randomUUID(), CLINIC, Set.of(BRANCH), Set.of("cardiology"), true));
        Candidate forDoctor = candidate(Urgency.ROUTINE, "2026-05-20T08:00:00Z", doctor(TYPE));
        Candidate forOther = candidate(
                Urgency.ROUTINE,
                "2026-05-21T08:00:00Z",
                WaitlistCriteria.forDoctor(
                        otherDoctor, BRANCH, TYPE, SLOT_DAY.minusDays(2), SLOT_DAY.plusDays(7), List.of()));
        Instant ten = SLOT_DAY.atTime(10, 0).atZone(RIYADH).toInstant();
        Instant nextDay = SLOT_DAY.plusDays(1).atTime(10, 0).atZone(RIYADH).toInstant();
        slots.slots.add(new Slot(DOCTOR, BRANCH, new TimeRange(ten, ten.plus(Duration.ofMinutes(30))), RIYADH, 1));
        slots.slots.add(
                new Slot(otherDoctor, BRANCH, new TimeRange(nextDay, nextDay.plus(Duration.ofMinutes(30))), RIYADH, 1));
        slots.slots.add(new Slot(otherDoctor, BRANCH, new TimeRange(ten, ten.plus(Duration.ofMinutes(30))), RIYADH, 1));
        TrackingToken position = new GlobalSequenceTrackingToken(77);

        process.on(
                new HolidayCancelled(
                        UUID.randomUUID(),
                        BRANCH,
                        SLOT_DAY,
                        new BilingualName("عطلة", "Holiday"),
                        UUID.randomUUID(),
                        NOW),
                position);

        assertThat(readModels.waited)
                .extracting(FakeReadModels.Waited::processingGroup, FakeReadModels.Waited::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AvailabilityReadModel.PROJECTION, position));
        assertThat(offersSent)
                .as("each doctor's slot on the reopened day, not the day after")
                .extracting(sent -> sent.entryId(), sent -> sent.offer().doctorId(), sent -> sent.offer()
                        .start())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(forDoctor.entryId(), DOCTOR, ten),
                        org.assertj.core.groups.Tuple.tuple(forOther.entryId(), otherDoctor, ten));
    }

    private static ExtraSessionAdded extraSession(LocalDateTime start, LocalDateTime end) {
        return new ExtraSessionAdded(
                UUID.randomUUID(),
                DOCTOR,
                BRANCH,
                UUID.randomUUID(),
                new LocalPeriod(start, end),
                UUID.randomUUID(),
                NOW);
    }

    @Test
    void capacityOfAnUnknownDoctorOffersNothing() {
        int made = offers.matchFreedCapacity(UUID.randomUUID(), BRANCH, SLOT_START, SLOT_TIME.end());

        assertThat(made).isZero();
        assertThat(booking.holds).isEmpty();
    }
}
