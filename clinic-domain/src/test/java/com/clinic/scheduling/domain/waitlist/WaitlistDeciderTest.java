package com.clinic.scheduling.domain.waitlist;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.AcceptOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.DeclineOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.ExpireOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.JoinWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Lapse;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Withdraw;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryFulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferAccepted;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferMade;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistState.Entry;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaitlistDeciderTest {

    private static final UUID ENTRY = UUID.fromString("00000000-0000-7000-8000-0000000000e5");
    private static final UUID OTHER_ENTRY = UUID.fromString("00000000-0000-7000-8000-0000000000e6");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID OTHER_BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID OTHER_DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d2");
    private static final UUID TYPE = UUID.fromString("00000000-0000-7000-8000-0000000000f1");
    private static final UUID OTHER_TYPE = UUID.fromString("00000000-0000-7000-8000-0000000000f2");
    private static final UUID APPOINTMENT = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID OTHER_APPOINTMENT = UUID.fromString("00000000-0000-7000-8000-00000000a002");
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    private static final LocalDate TO = LocalDate.of(2026, 3, 6);
    private static final Instant LAPSES_AT = Instant.parse("2026-03-06T21:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final WaitlistCriteria FOR_DOCTOR =
            WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, TO, List.of());
    private static final WaitlistDecider DECIDER = new WaitlistDecider();

    private final DeciderSpecification<WaitlistCommand, WaitlistEvent, WaitlistState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final Entry ENTRY_KEPT = new Entry(PATIENT, CLINIC, FOR_DOCTOR, Urgency.SOON, NOW, LAPSES_AT);
    private static final PatientJoinedWaitlist JOINED =
            new PatientJoinedWaitlist(ENTRY, PATIENT, CLINIC, FOR_DOCTOR, Urgency.SOON, LAPSES_AT, PATIENT, NOW);

    private static WaitlistOffer offer(UUID appointment, UUID doctor, UUID branch, UUID type, List<UUID> earlier) {
        Instant start = Instant.parse("2026-03-03T07:00:00Z");
        return new WaitlistOffer(
                appointment, doctor, branch, type, start, start.plus(Duration.ofMinutes(20)), NOW.plus(TTL), earlier);
    }

    private static final WaitlistOffer OFFER = offer(APPOINTMENT, DOCTOR, BRANCH, TYPE, List.of(OTHER_ENTRY));
    private static final OfferMade OFFERED = new OfferMade(ENTRY, PATIENT, OFFER, NOW);

    private static JoinWaitlist join(WaitlistCriteria criteria, Instant lapsesAt) {
        return new JoinWaitlist(ENTRY, PATIENT, CLINIC, criteria, Urgency.SOON, lapsesAt, PATIENT, NOW);
    }

    private static MakeOffer make(WaitlistOffer offer, Instant at) {
        return new MakeOffer(ENTRY, offer, at);
    }

    private static final AcceptOffer ACCEPT = new AcceptOffer(ENTRY, Optional.of(APPOINTMENT), PATIENT, NOW);
    private static final OfferAccepted ACCEPTED = new OfferAccepted(ENTRY, PATIENT, OFFER, PATIENT, NOW);
    private static final EntryFulfilled FULFILLED = new EntryFulfilled(ENTRY, PATIENT, APPOINTMENT, NOW);
    private static final EntryWithdrawn WITHDRAWN = new EntryWithdrawn(ENTRY, PATIENT, Optional.empty(), PATIENT, NOW);
    private static final EntryLapsed LAPSED = new EntryLapsed(ENTRY, PATIENT, Optional.empty(), LAPSES_AT);

    // Joining

    @Test
    void aPatientJoinsAndWaitsFromNow() {
        spec.when(join(FOR_DOCTOR, LAPSES_AT)).then(JOINED).andState(new WaitlistState.Waiting(ENTRY_KEPT));
    }

    @Test
    void anEntryIsJoinedOnce() {
        spec.given(JOINED)
                .when(join(FOR_DOCTOR, LAPSES_AT))
                .thenRejects(Rejection.Conflict.class, "waitlist.entry-exists");
    }

    @Test
    void aWindowThatIsAlreadyOverCannotBeJoined() {
        spec.when(join(FOR_DOCTOR, NOW)).thenRejects(Rejection.RuleViolated.class, "waitlist.window-in-past");
    }

    @Test
    void aWindowSpansFewerThanOneHundredAndEightyDays() {
        LocalDate longest = FROM.plusDays(WaitlistDecider.MAX_WINDOW_DAYS - 1);
        spec.when(join(WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, longest, List.of()), LAPSES_AT))
                .then(new PatientJoinedWaitlist(
                        ENTRY,
                        PATIENT,
                        CLINIC,
                        WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, longest, List.of()),
                        Urgency.SOON,
                        LAPSES_AT,
                        PATIENT,
                        NOW));
        spec.when(join(
                        WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, longest.plusDays(1), List.of()),
                        LAPSES_AT))
                .thenRejects(Rejection.RuleViolated.class, "waitlist.window-too-long");
    }

    @Test
    void atMostSixPreferredTimesOfDay() {
        List<TimeOfDayRange> seven = Collections.nCopies(7, new TimeOfDayRange(LocalTime.of(8, 0), LocalTime.of(9, 0)));
        spec.when(join(WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, TO, seven), LAPSES_AT))
                .thenRejects(Rejection.RuleViolated.class, "waitlist.too-many-times-of-day");
    }

    // Offers

    @Test
    void aWaitingPatientIsOfferedAMatchingFreedSlot() {
        spec.given(JOINED).when(make(OFFER, NOW)).then(OFFERED).andState(new WaitlistState.Offered(ENTRY_KEPT, OFFER));
    }

    @Test
    void anEntryForASpecialtyIsOfferedAnyDoctorsSlotAtItsBranch() {
        WaitlistCriteria cardiology = WaitlistCriteria.forSpecialty("cardiology", BRANCH, TYPE, FROM, TO, List.of());
        WaitlistOffer colleague = offer(APPOINTMENT, OTHER_DOCTOR, BRANCH, TYPE, List.of());
        spec.given(new PatientJoinedWaitlist(ENTRY, PATIENT, CLINIC, cardiology, Urgency.SOON, LAPSES_AT, PATIENT, NOW))
                .when(make(colleague, NOW))
                .then(new OfferMade(ENTRY, PATIENT, colleague, NOW));
    }

    @Test
    void anEntryThatCannotTakeAnOfferIgnoresItSoTheProcessMovesOn() {
        spec.given(JOINED, OFFERED)
                .when(make(offer(OTHER_APPOINTMENT, DOCTOR, BRANCH, TYPE, List.of()), NOW))
                .thenNothing();
        spec.given(JOINED)
                .when(make(offer(APPOINTMENT, DOCTOR, BRANCH, TYPE, List.of(ENTRY)), NOW))
                .thenNothing();
        spec.given(JOINED).when(make(OFFER, LAPSES_AT)).thenNothing();
        spec.given(JOINED, WITHDRAWN).when(make(OFFER, NOW)).thenNothing();
        spec.when(make(OFFER, NOW)).thenNothing();
    }

    @Test
    void anOfferMustExpireAfterItIsMade() {
        WaitlistOffer alreadyExpired =
                new WaitlistOffer(APPOINTMENT, DOCTOR, BRANCH, TYPE, OFFER.start(), OFFER.end(), NOW, List.of());
        spec.given(JOINED)
                .when(make(alreadyExpired, NOW))
                .thenRejects(Rejection.RuleViolated.class, "waitlist.offer-expiry-invalid");
        spec.given(JOINED)
                .when(make(OFFER, OFFER.expiresAt()))
                .thenRejects(Rejection.RuleViolated.class, "waitlist.offer-expiry-invalid");
    }

    @Test
    void anOfferIsNeverForASlotThatHasBegun() {
        Instant start = NOW.minusSeconds(60);
        WaitlistOffer begun = new WaitlistOffer(
                APPOINTMENT, DOCTOR, BRANCH, TYPE, start, start.plusSeconds(1200), NOW.plus(TTL), List.of());
        spec.given(JOINED).when(make(begun, NOW)).thenRejects(Rejection.RuleViolated.class, "waitlist.offer-in-past");
    }

    @Test
    void anOfferMustBeForTheEntrysBranchTypeAndDoctor() {
        for (WaitlistOffer elsewhere : List.of(
                offer(APPOINTMENT, DOCTOR, OTHER_BRANCH, TYPE, List.of()),
                offer(APPOINTMENT, DOCTOR, BRANCH, OTHER_TYPE, List.of()),
                offer(APPOINTMENT, OTHER_DOCTOR, BRANCH, TYPE, List.of()))) {
            spec.given(JOINED)
                    .when(make(elsewhere, NOW))
                    .thenRejects(Rejection.RuleViolated.class, "waitlist.offer-not-matching");
        }
    }

    // Answering an offer

    @Test
    void acceptingTheLiveOfferFulfilsTheEntry() {
        spec.given(JOINED, OFFERED)
                .when(ACCEPT)
                .then(ACCEPTED, FULFILLED)
                .andState(new WaitlistState.Fulfilled(ENTRY_KEPT, APPOINTMENT));
        spec.given(JOINED, OFFERED)
                .when(new AcceptOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .then(ACCEPTED, FULFILLED);
    }

    @Test
    void anOfferCannotBeAcceptedFromItsExpiryOn() {
        spec.given(JOINED, OFFERED)
                .when(new AcceptOffer(ENTRY, Optional.of(APPOINTMENT), PATIENT, OFFER.expiresAt()))
                .thenRejects(Rejection.Conflict.class, "waitlist.offer-expired");
    }

    @Test
    void onlyTheLiveOfferCanBeAnswered() {
        spec.given(JOINED, OFFERED)
                .when(new AcceptOffer(ENTRY, Optional.of(OTHER_APPOINTMENT), PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.offer-not-live");
        spec.given(JOINED, OFFERED)
                .when(new DeclineOffer(ENTRY, Optional.of(OTHER_APPOINTMENT), PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.offer-not-live");
    }

    @Test
    void acceptingAgainIsARetryButNotForAnotherAppointment() {
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED).when(ACCEPT).thenNothing();
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED)
                .when(new AcceptOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .thenNothing();
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED)
                .when(new AcceptOffer(ENTRY, Optional.of(OTHER_APPOINTMENT), PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.offer-not-live");
    }

    @Test
    void aWaitingPatientHasNoOfferToAnswer() {
        spec.given(JOINED).when(ACCEPT).thenRejects(Rejection.Conflict.class, "waitlist.no-offer");
        spec.given(JOINED)
                .when(new DeclineOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.no-offer");
    }

    @Test
    void aClosedEntryHasNoOfferToAnswer() {
        spec.given(JOINED, WITHDRAWN).when(ACCEPT).thenRejects(Rejection.Conflict.class, "waitlist.entry-closed");
        spec.given(JOINED, LAPSED)
                .when(new DeclineOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.entry-closed");
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED)
                .when(new DeclineOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.offer-not-live");
        spec.when(ACCEPT).thenRejects(Rejection.Conflict.class, "waitlist.entry-closed");
    }

    @Test
    void decliningKeepsThePatientWaitingAndPassesTheSlotOn() {
        spec.given(JOINED, OFFERED)
                .when(new DeclineOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .then(new OfferDeclined(ENTRY, PATIENT, OFFER, PATIENT, NOW))
                .andState(new WaitlistState.Waiting(ENTRY_KEPT));
    }

    @Test
    void anUnansweredOfferExpiresAtItsDeadlineAndThePatientKeepsWaiting() {
        spec.given(JOINED, OFFERED)
                .when(new ExpireOffer(ENTRY, APPOINTMENT, OFFER.expiresAt()))
                .then(new OfferExpired(ENTRY, PATIENT, OFFER, OFFER.expiresAt()))
                .andState(new WaitlistState.Waiting(ENTRY_KEPT));
    }

    @Test
    void theOffersDeadlineDoesNothingWhenEarlyForAnotherOfferOrOnceAnswered() {
        spec.given(JOINED, OFFERED)
                .when(new ExpireOffer(ENTRY, APPOINTMENT, OFFER.expiresAt().minusSeconds(1)))
                .thenNothing();
        spec.given(JOINED, OFFERED)
                .when(new ExpireOffer(ENTRY, OTHER_APPOINTMENT, OFFER.expiresAt()))
                .thenNothing();
        spec.given(JOINED, OFFERED, new OfferDeclined(ENTRY, PATIENT, OFFER, PATIENT, NOW))
                .when(new ExpireOffer(ENTRY, APPOINTMENT, OFFER.expiresAt()))
                .thenNothing();
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED)
                .when(new ExpireOffer(ENTRY, APPOINTMENT, OFFER.expiresAt()))
                .thenNothing();
    }

    // Leaving

    @Test
    void aWaitingPatientWithdraws() {
        spec.given(JOINED)
                .when(new Withdraw(ENTRY, PATIENT, NOW))
                .then(WITHDRAWN)
                .andState(new WaitlistState.Withdrawn(ENTRY_KEPT));
    }

    @Test
    void withdrawingWithAnOpenOfferNamesItForRelease() {
        spec.given(JOINED, OFFERED)
                .when(new Withdraw(ENTRY, RECEPTION, NOW))
                .then(new EntryWithdrawn(ENTRY, PATIENT, Optional.of(OFFER), RECEPTION, NOW));
    }

    @Test
    void withdrawingTwiceChangesNothingButAFulfilledOrLapsedEntryCannotBeWithdrawn() {
        spec.given(JOINED, WITHDRAWN).when(new Withdraw(ENTRY, PATIENT, NOW)).thenNothing();
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED)
                .when(new Withdraw(ENTRY, PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.entry-closed");
        spec.given(JOINED, LAPSED)
                .when(new Withdraw(ENTRY, PATIENT, NOW))
                .thenRejects(Rejection.Conflict.class, "waitlist.entry-closed");
        spec.when(new Withdraw(ENTRY, PATIENT, NOW)).thenRejects(Rejection.Conflict.class, "waitlist.entry-closed");
    }

    @Test
    void anEntryLapsesWhenItsWindowEndsReleasingAnOpenOffer() {
        spec.given(JOINED)
                .when(new Lapse(ENTRY, LAPSES_AT))
                .then(LAPSED)
                .andState(new WaitlistState.Lapsed(ENTRY_KEPT));
        spec.given(JOINED, OFFERED)
                .when(new Lapse(ENTRY, LAPSES_AT))
                .then(new EntryLapsed(ENTRY, PATIENT, Optional.of(OFFER), LAPSES_AT));
    }

    @Test
    void theWindowsDeadlineDoesNothingWhenEarlyOrOnceTheEntryIsClosed() {
        spec.given(JOINED).when(new Lapse(ENTRY, LAPSES_AT.minusSeconds(1))).thenNothing();
        spec.given(JOINED, OFFERED)
                .when(new Lapse(ENTRY, LAPSES_AT.minusSeconds(1)))
                .thenNothing();
        spec.given(JOINED, WITHDRAWN).when(new Lapse(ENTRY, LAPSES_AT)).thenNothing();
        spec.given(JOINED, OFFERED, ACCEPTED, FULFILLED)
                .when(new Lapse(ENTRY, LAPSES_AT))
                .thenNothing();
    }
}
