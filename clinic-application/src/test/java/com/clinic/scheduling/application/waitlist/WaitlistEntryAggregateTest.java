package com.clinic.scheduling.application.waitlist;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.waitlist.WaitlistEntryAggregate.OfferExpiryDue;
import com.clinic.scheduling.application.waitlist.WaitlistEntryAggregate.WindowEnd;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.AcceptOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.DeclineOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.ExpireOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.JoinWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Lapse;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Withdraw;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryFulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferAccepted;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferMade;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitlistEntryAggregateTest {

    private static final UUID ENTRY = UUID.fromString("00000000-0000-7000-8000-00000000e001");
    private static final UUID OTHER_ENTRY = UUID.fromString("00000000-0000-7000-8000-00000000e002");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-0000000000c1");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID TYPE = UUID.fromString("00000000-0000-7000-8000-0000000000f1");
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final UUID HOLD = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID OTHER_HOLD = UUID.fromString("00000000-0000-7000-8000-00000000a002");
    private static final Duration TTL = Duration.ofMinutes(15);

    private static final Instant NOW = Instant.parse("2026-05-31T10:00:00Z");
    private static final Instant LAPSES_AT = Instant.parse("2026-06-11T21:00:00Z");
    private static final Instant SLOT_START = Instant.parse("2026-06-02T07:00:00Z");
    private static final WaitlistCriteria CRITERIA = WaitlistCriteria.forDoctor(
            DOCTOR,
            BRANCH,
            TYPE,
            LocalDate.of(2026, 6, 1),
            LocalDate.of(2026, 6, 11),
            List.of(new TimeOfDayRange(LocalTime.of(8, 0), LocalTime.of(12, 0))));

    private AggregateTestFixture<WaitlistEntryAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WaitlistEntryAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    private static JoinWaitlist join() {
        return new JoinWaitlist(ENTRY, PATIENT, CLINIC, CRITERIA, Urgency.SOON, LAPSES_AT, RECEPTION, NOW);
    }

    private static PatientJoinedWaitlist joined() {
        return new PatientJoinedWaitlist(ENTRY, PATIENT, CLINIC, CRITERIA, Urgency.SOON, LAPSES_AT, RECEPTION, NOW);
    }

    private static WaitlistOffer offer(UUID hold, Instant madeAt, List<UUID> earlier) {
        return new WaitlistOffer(
                hold,
                DOCTOR,
                BRANCH,
                TYPE,
                SLOT_START,
                SLOT_START.plus(Duration.ofMinutes(30)),
                madeAt.plus(TTL),
                earlier);
    }

    private static WaitlistOffer offer() {
        return offer(HOLD, NOW, List.of());
    }

    private static OfferMade offerMade() {
        return new OfferMade(ENTRY, PATIENT, offer(), NOW);
    }

    // --- joining ---------------------------------------------------------------------------------

    @Test
    void aPatientJoinsAndTheEndOfTheirWindowIsADurableDeadline() {
        fixture.givenNoPriorActivity()
                .when(join())
                .expectEvents(joined())
                .expectScheduledDeadline(LAPSES_AT, new WindowEnd(LAPSES_AT));
    }

    @Test
    void aWindowThatIsAlreadyOverCannotBeJoined() {
        fixture.givenNoPriorActivity()
                .when(new JoinWaitlist(ENTRY, PATIENT, CLINIC, CRITERIA, Urgency.ROUTINE, NOW, RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("waitlist.window-in-past");
    }

    @Test
    void aWindowLongerThanTheLimitIsRefused() {
        WaitlistCriteria tooLong = WaitlistCriteria.forDoctor(
                DOCTOR, BRANCH, TYPE, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1), List.of());
        fixture.givenNoPriorActivity()
                .when(new JoinWaitlist(ENTRY, PATIENT, CLINIC, tooLong, Urgency.ROUTINE, LAPSES_AT, RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("waitlist.window-too-long");
    }

    @Test
    void tooManyTimesOfDayAreRefused() {
        List<TimeOfDayRange> hours = java.util.stream.IntStream.range(8, 15)
                .mapToObj(h -> new TimeOfDayRange(LocalTime.of(h, 0), LocalTime.of(h, 30)))
                .toList();
        WaitlistCriteria busy = WaitlistCriteria.forDoctor(
                DOCTOR, BRANCH, TYPE, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 11), hours);
        fixture.givenNoPriorActivity()
                .when(new JoinWaitlist(ENTRY, PATIENT, CLINIC, busy, Urgency.ROUTINE, LAPSES_AT, RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("waitlist.too-many-times-of-day");
    }

    @Test
    void reusingAnEntryIdIsRefusedByTheEventStoresStreamUniqueness() {
        fixture.given(joined()).when(join()).expectException(EventStoreException.class);
    }

    // --- making offers ---------------------------------------------------------------------------

    @Test
    void aWaitingPatientIsOfferedAHeldSlotThatExpiresByADurableDeadline() {
        fixture.given(joined())
                .when(new MakeOffer(ENTRY, offer(), NOW))
                .expectEvents(offerMade())
                .expectResultMessagePayload(true)
                .expectScheduledDeadline(NOW.plus(TTL), new OfferExpiryDue(HOLD, NOW.plus(TTL)));
    }

    @Test
    void onlyOneOfferIsOpenAtATime() {
        fixture.given(joined(), offerMade())
                .when(new MakeOffer(ENTRY, offer(OTHER_HOLD, NOW, List.of()), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(false)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aClosedEntryTakesNoOffer() {
        fixture.given(joined(), new EntryWithdrawn(ENTRY, PATIENT, Optional.empty(), PATIENT, NOW))
                .when(new MakeOffer(ENTRY, offer(), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aSlotThePatientAlreadyHadIsNotOfferedToThemAgain() {
        fixture.given(joined())
                .when(new MakeOffer(ENTRY, offer(HOLD, NOW, List.of(OTHER_ENTRY, ENTRY)), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anEntryWhoseWindowHasEndedTakesNoOffer() {
        fixture.given(joined())
                .when(new MakeOffer(ENTRY, offer(HOLD, LAPSES_AT, List.of()), LAPSES_AT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anOfferMustExpireInTheFuture() {
        fixture.given(joined())
                .when(new MakeOffer(ENTRY, offer(HOLD, NOW.minus(TTL), List.of()), NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("waitlist.offer-expiry-invalid");
    }

    @Test
    void aSlotThatHasStartedCannotBeOffered() {
        Instant late = SLOT_START.plusSeconds(60);
        fixture.given(joined())
                .when(new MakeOffer(ENTRY, offer(HOLD, late, List.of()), late))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("waitlist.offer-in-past");
    }

    @Test
    void aSlotOfAnotherDoctorBranchOrTypeCannotBeOffered() {
        WaitlistOffer otherDoctor = new WaitlistOffer(
                HOLD,
                UUID.randomUUID(),
                BRANCH,
                TYPE,
                SLOT_START,
                SLOT_START.plusSeconds(1800),
                NOW.plus(TTL),
                List.of());
        fixture.given(joined())
                .when(new MakeOffer(ENTRY, otherDoctor, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("waitlist.offer-not-matching");
    }

    // --- accepting -------------------------------------------------------------------------------

    @Test
    void theLiveOfferIsAcceptedAndTheEntryIsFulfilled() {
        Instant at = NOW.plus(Duration.ofMinutes(14));
        fixture.given(joined(), offerMade())
                .when(new AcceptOffer(ENTRY, Optional.of(HOLD), PATIENT, at))
                .expectEvents(
                        new OfferAccepted(ENTRY, PATIENT, offer(), PATIENT, at),
                        new EntryFulfilled(ENTRY, PATIENT, HOLD, at))
                .expectResultMessagePayload(HOLD);
    }

    @Test
    void withoutNamingTheAppointmentWhateverIsOnOfferIsAccepted() {
        fixture.given(joined(), offerMade())
                .when(new AcceptOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .expectEvents(
                        new OfferAccepted(ENTRY, PATIENT, offer(), PATIENT, NOW),
                        new EntryFulfilled(ENTRY, PATIENT, HOLD, NOW))
                .expectResultMessagePayload(HOLD);
    }

    @Test
    void anOfferPastItsExpiryCannotBeAcceptedEvenBeforeTheDeadlineFired() {
        fixture.given(joined(), offerMade())
                .when(new AcceptOffer(ENTRY, Optional.of(HOLD), PATIENT, NOW.plus(TTL)))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.offer-expired");
    }

    @Test
    void onlyTheLiveOfferCanBeAccepted() {
        fixture.given(joined(), offerMade())
                .when(new AcceptOffer(ENTRY, Optional.of(OTHER_HOLD), PATIENT, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.offer-not-live");
    }

    @Test
    void thereIsNothingToAcceptWhileWaiting() {
        fixture.given(joined())
                .when(new AcceptOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.no-offer");
    }

    @Test
    void acceptingAgainIsARetryThatChangesNothing() {
        fixture.given(joined(), offerMade(), new EntryFulfilled(ENTRY, PATIENT, HOLD, NOW))
                .when(new AcceptOffer(ENTRY, Optional.of(HOLD), PATIENT, NOW.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayload(HOLD);
    }

    @Test
    void aWithdrawnEntryHasNoOfferToAccept() {
        fixture.given(joined(), new EntryWithdrawn(ENTRY, PATIENT, Optional.empty(), PATIENT, NOW))
                .when(new AcceptOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.entry-closed");
    }

    // --- declining -------------------------------------------------------------------------------

    @Test
    void aDeclinedOfferPutsThePatientBackToWaiting() {
        fixture.given(joined(), offerMade())
                .when(new DeclineOffer(ENTRY, Optional.of(HOLD), PATIENT, NOW))
                .expectEvents(new OfferDeclined(ENTRY, PATIENT, offer(), PATIENT, NOW));
    }

    @Test
    void afterDecliningTheNextFreedSlotCanBeOffered() {
        WaitlistOffer next = offer(OTHER_HOLD, NOW, List.of());
        fixture.given(joined(), offerMade(), new OfferDeclined(ENTRY, PATIENT, offer(), PATIENT, NOW))
                .when(new MakeOffer(ENTRY, next, NOW))
                .expectEvents(new OfferMade(ENTRY, PATIENT, next, NOW));
    }

    @Test
    void onlyTheLiveOfferCanBeDeclined() {
        fixture.given(joined(), offerMade())
                .when(new DeclineOffer(ENTRY, Optional.of(OTHER_HOLD), PATIENT, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.offer-not-live");
    }

    @Test
    void thereIsNothingToDeclineWhileWaiting() {
        fixture.given(joined())
                .when(new DeclineOffer(ENTRY, Optional.empty(), PATIENT, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.no-offer");
    }

    // --- expiry on the fixture's clock --------------------------------------------------------

    @Test
    void anUnansweredOfferExpiresWhenItsDeadlineComes() {
        fixture.given(joined())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new MakeOffer(ENTRY, offer(), NOW))
                .whenTimeElapses(TTL)
                .expectTriggeredDeadlinesWithName(WaitlistEntryAggregate.OFFER_EXPIRY)
                .expectEvents(new OfferExpired(ENTRY, PATIENT, offer(), NOW.plus(TTL)));
    }

    @Test
    void theOfferDeadlineDoesNotFireEarly() {
        fixture.given(joined())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new MakeOffer(ENTRY, offer(), NOW))
                .whenTimeElapses(TTL.minusSeconds(1))
                .expectNoEvents()
                .expectTriggeredDeadlines();
    }

    @Test
    void theOfferDeadlineDoesNothingOnceTheOfferWasAccepted() {
        fixture.given(joined())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(
                        new MakeOffer(ENTRY, offer(), NOW), new AcceptOffer(ENTRY, Optional.of(HOLD), PATIENT, NOW))
                .whenTimeElapses(TTL)
                .expectTriggeredDeadlinesWithName(WaitlistEntryAggregate.OFFER_EXPIRY)
                .expectNoEvents();
    }

    @Test
    void anOldOffersDeadlineDoesNotExpireANewerOffer() {
        fixture.given(joined(), offerMade(), new OfferDeclined(ENTRY, PATIENT, offer(), PATIENT, NOW))
                .andGivenCommands(new MakeOffer(ENTRY, offer(OTHER_HOLD, NOW, List.of()), NOW))
                .when(new ExpireOffer(ENTRY, HOLD, NOW.plus(TTL)))
                .expectNoEvents();
    }

    @Test
    void anExpiryBeforeItsTimeChangesNothing() {
        fixture.given(joined(), offerMade())
                .when(new ExpireOffer(ENTRY, HOLD, NOW.plus(TTL).minusMillis(1)))
                .expectNoEvents();
    }

    @Test
    void aDeclinedOfferExpiresNoMore() {
        fixture.given(joined(), offerMade(), new OfferDeclined(ENTRY, PATIENT, offer(), PATIENT, NOW))
                .when(new ExpireOffer(ENTRY, HOLD, NOW.plus(TTL)))
                .expectNoEvents();
    }

    // --- withdrawing -----------------------------------------------------------------------------

    @Test
    void aWaitingPatientCanWithdraw() {
        fixture.given(joined())
                .when(new Withdraw(ENTRY, PATIENT, NOW))
                .expectEvents(new EntryWithdrawn(ENTRY, PATIENT, Optional.empty(), PATIENT, NOW));
    }

    @Test
    void withdrawingWithAnOpenOfferHandsTheOfferBackToBePassedOn() {
        fixture.given(joined(), offerMade())
                .when(new Withdraw(ENTRY, RECEPTION, NOW))
                .expectEvents(new EntryWithdrawn(ENTRY, PATIENT, Optional.of(offer()), RECEPTION, NOW));
    }

    @Test
    void withdrawingTwiceChangesNothing() {
        fixture.given(joined(), new EntryWithdrawn(ENTRY, PATIENT, Optional.empty(), PATIENT, NOW))
                .when(new Withdraw(ENTRY, PATIENT, NOW))
                .expectNoEvents();
    }

    @Test
    void aFulfilledEntryCannotBeWithdrawn() {
        fixture.given(joined(), offerMade(), new EntryFulfilled(ENTRY, PATIENT, HOLD, NOW))
                .when(new Withdraw(ENTRY, PATIENT, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("waitlist.entry-closed");
    }

    // --- lapsing ---------------------------------------------------------------------------------

    @Test
    void theEntryLapsesWhenItsWindowEndsOnTheFixturesClock() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(join())
                .whenTimeAdvancesTo(LAPSES_AT)
                .expectTriggeredDeadlinesWithName(WaitlistEntryAggregate.WINDOW_END)
                .expectEvents(new EntryLapsed(ENTRY, PATIENT, Optional.empty(), LAPSES_AT));
    }

    @Test
    void anEntryLapsingWithAnOpenOfferHandsTheOfferBack() {
        fixture.given(joined(), offerMade())
                .when(new Lapse(ENTRY, LAPSES_AT))
                .expectEvents(new EntryLapsed(ENTRY, PATIENT, Optional.of(offer()), LAPSES_AT));
    }

    @Test
    void theWindowDeadlineDoesNothingForAClosedEntry() {
        fixture.given(joined(), offerMade(), new EntryFulfilled(ENTRY, PATIENT, HOLD, NOW))
                .when(new Lapse(ENTRY, LAPSES_AT))
                .expectNoEvents();
    }

    @Test
    void anEntryDoesNotLapseBeforeItsWindowEnds() {
        fixture.given(joined())
                .when(new Lapse(ENTRY, LAPSES_AT.minusSeconds(1)))
                .expectNoEvents();
    }

    // --- the cascade's entry side, on the fixture's clock --------------------------------------

    @Test
    void theNextPatientGetsTheExpiredSlotAndAcceptsIt() {
        AggregateTestFixture<WaitlistEntryAggregate> next = new AggregateTestFixture<>(WaitlistEntryAggregate.class);
        next.registerCommandTargetResolver(new ClinicCommandTargetResolver());
        Instant expiredAt = NOW.plus(TTL);
        WaitlistOffer passedOn = new WaitlistOffer(
                OTHER_HOLD,
                DOCTOR,
                BRANCH,
                TYPE,
                SLOT_START,
                SLOT_START.plusSeconds(1800),
                expiredAt.plus(TTL),
                Collections.singletonList(ENTRY));
        PatientJoinedWaitlist otherJoined = new PatientJoinedWaitlist(
                OTHER_ENTRY, PATIENT, CLINIC, CRITERIA, Urgency.ROUTINE, LAPSES_AT, RECEPTION, NOW);

        next.given(otherJoined)
                .andGivenCurrentTime(expiredAt)
                .andGivenCommands(new MakeOffer(OTHER_ENTRY, passedOn, expiredAt))
                .when(new AcceptOffer(OTHER_ENTRY, Optional.of(OTHER_HOLD), PATIENT, expiredAt.plusSeconds(60)))
                .expectEvents(
                        new OfferAccepted(OTHER_ENTRY, PATIENT, passedOn, PATIENT, expiredAt.plusSeconds(60)),
                        new EntryFulfilled(OTHER_ENTRY, PATIENT, OTHER_HOLD, expiredAt.plusSeconds(60)));
    }
}
