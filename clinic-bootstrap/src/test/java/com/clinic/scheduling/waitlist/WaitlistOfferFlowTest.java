package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.waitlist.WaitlistOffers;
import com.clinic.scheduling.application.waitlist.WaitlistService;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The waiting list end to end on PostgreSQL: real events, the real offer process on its tracking
 * processor, offer expiry as a durable db-scheduler deadline, the read model and in-app notices. Only
 * the bookings side (holding and confirming) is a test double until its implementation lands.
 */
@IntegrationTest
class WaitlistOfferFlowTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    WaitlistService waitlist;

    @Autowired
    WaitlistOffers offers;

    @Autowired
    FakeWaitlistBooking booking;

    @Autowired
    FakeSlotSearch slots;

    @Autowired
    AdjustableClock clock;

    private WaitlistWorld world;

    @BeforeEach
    void newWorld() {
        world = new WaitlistWorld(context);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private UUID heldFor(UUID entryId) {
        return world.entry(entryId).offer().orElseThrow().appointmentId();
    }

    @Test
    void theCascadeOfferExpireNextAcceptRunsOnTheControlledClockWithDurableDeadlines() {
        WaitlistWorld.Patient routine = world.patient("en");
        WaitlistWorld.Patient urgent = world.patient("ar");
        WaitlistWorld.Patient soon = world.patient("en");
        UUID routineEntry = world.joinForDoctor(routine, Urgency.ROUTINE);
        UUID urgentEntry = world.joinForDoctor(urgent, Urgency.URGENT);
        UUID soonEntry = world.joinForDoctor(soon, Urgency.SOON);
        world.awaitStatus(soonEntry, WaitlistEntryStatus.WAITING);
        assertThat(world.entry(urgentEntry).position()).contains(1);
        assertThat(world.entry(soonEntry).position()).contains(2);
        assertThat(world.entry(routineEntry).position()).contains(3);

        // A booked appointment is cancelled: the urgent patient is offered its slot.
        Instant cancelledAt = clock.instant();
        world.bookAndCancel(world.slotStart());
        WaitlistEntryView first = world.awaitStatus(urgentEntry, WaitlistEntryStatus.OFFERED);
        UUID firstHold = heldFor(urgentEntry);
        assertThat(booking.holdsOf(world.doctorId)).singleElement().satisfies(hold -> {
            assertThat(hold.entryId()).isEqualTo(urgentEntry);
            assertThat(hold.start()).isEqualTo(world.slotStart());
        });
        Instant firstExpiry = first.offer().orElseThrow().expiresAt();
        assertThat(firstExpiry)
                .isBetween(cancelledAt.plus(WaitlistWorld.TTL), clock.instant().plus(WaitlistWorld.TTL));
        assertThat(world.offerDeadline(firstHold))
                .hasValueSatisfying(due -> assertThat(due).isCloseTo(firstExpiry, within()));
        assertThat(world.notices(urgent.userId(), WaitlistOffers.OFFER_MADE)).isEqualTo(1);
        assertThat(world.entry(soonEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);

        // Nobody answers: time passes beyond the offer and its deadline fires.
        clock.advance(WaitlistWorld.TTL.plusMinutes(1));
        Instant expiredAround = clock.instant();
        world.makeOfferDeadlineDue(firstHold);

        WaitlistEntryView second = world.awaitStatus(soonEntry, WaitlistEntryStatus.OFFERED);
        assertThat(world.awaitStatus(urgentEntry, WaitlistEntryStatus.WAITING).offer())
                .isEmpty();
        assertThat(booking.releases()).contains(firstHold);
        assertThat(world.offerDeadline(firstHold))
                .as("a fired deadline is gone")
                .isEmpty();
        assertThat(world.notices(urgent.userId(), WaitlistOffers.OFFER_EXPIRED)).isEqualTo(1);
        UUID secondHold = heldFor(soonEntry);
        assertThat(second.offer().orElseThrow().expiresAt())
                .as("the next offer's time runs on the moved clock")
                .isAfterOrEqualTo(expiredAround.plus(WaitlistWorld.TTL));
        assertThat(world.offerDeadline(secondHold)).isPresent();
        assertThat(world.entry(routineEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);

        // The next patient accepts in time: the hold is confirmed and the entry fulfilled.
        clock.advance(Duration.ofMinutes(5));
        UUID booked = waitlist.accept(soon.actor(), soonEntry, Optional.of(secondHold));

        assertThat(booked).isEqualTo(secondHold);
        assertThat(booking.confirmations()).contains(secondHold);
        WaitlistEntryView fulfilled = world.awaitStatus(soonEntry, WaitlistEntryStatus.FULFILLED);
        assertThat(fulfilled.appointmentId()).contains(secondHold);
        assertThat(fulfilled.position()).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(world.entry(routineEntry).position()).contains(2));
        assertThat(world.events(soonEntry, "EntryFulfilled")).isEqualTo(1);
    }

    @Test
    void aDeclinedOfferGoesToTheNextPatientAndTheDeclinerKeepsWaiting() {
        WaitlistWorld.Patient first = world.patient("en");
        WaitlistWorld.Patient second = world.patient("en");
        UUID firstEntry = world.joinForDoctor(first, Urgency.SOON);
        UUID secondEntry = world.joinForDoctor(second, Urgency.ROUTINE);
        world.awaitStatus(secondEntry, WaitlistEntryStatus.WAITING);

        world.bookAndCancel(world.slotStart());
        world.awaitStatus(firstEntry, WaitlistEntryStatus.OFFERED);
        UUID declined = heldFor(firstEntry);
        waitlist.decline(first.actor(), firstEntry, Optional.of(declined));

        world.awaitStatus(secondEntry, WaitlistEntryStatus.OFFERED);
        assertThat(world.awaitStatus(firstEntry, WaitlistEntryStatus.WAITING).position())
                .contains(1);
        assertThat(booking.releases()).contains(declined);
        assertThat(heldFor(secondEntry)).isNotEqualTo(declined);
    }

    @Test
    void whenNobodyMatchesAFreedSlotNothingIsHeld() {
        WaitlistWorld.Patient patient = world.patient("en");
        UUID entry = world.joinForDoctor(patient, Urgency.URGENT);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);

        // 18:00 is outside the patient's preferred mornings.
        UUID cancelled = world.bookAndCancel(
                world.slotDay.atTime(18, 0).atZone(WaitlistWorld.ZONE).toInstant());
        world.awaitProcessed(cancelled);

        assertThat(booking.holdsOf(world.doctorId)).isEmpty();
        assertThat(world.entry(entry).status()).isEqualTo(WaitlistEntryStatus.WAITING);
    }

    @Test
    void anOfferCannotBeAcceptedOnceItsTimeHasRunOutEvenBeforeTheDeadlineFired() {
        WaitlistWorld.Patient patient = world.patient("en");
        UUID entry = world.joinForDoctor(patient, Urgency.ROUTINE);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);
        world.bookAndCancel(world.slotStart());
        world.awaitStatus(entry, WaitlistEntryStatus.OFFERED);
        UUID hold = heldFor(entry);

        clock.advance(WaitlistWorld.TTL);

        assertThatThrownBy(() -> waitlist.accept(patient.actor(), entry, Optional.of(hold)))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("waitlist.offer-expired");
        assertThat(booking.confirmations()).doesNotContain(hold);
        assertThat(world.entry(entry).status()).isEqualTo(WaitlistEntryStatus.OFFERED);
    }

    @Test
    void aPatientWithdrawingWithAnOpenOfferPassesTheSlotOn() {
        WaitlistWorld.Patient first = world.patient("en");
        WaitlistWorld.Patient second = world.patient("en");
        UUID firstEntry = world.joinForDoctor(first, Urgency.URGENT);
        UUID secondEntry = world.joinForDoctor(second, Urgency.URGENT);
        world.awaitStatus(secondEntry, WaitlistEntryStatus.WAITING);
        world.bookAndCancel(world.slotStart());
        world.awaitStatus(firstEntry, WaitlistEntryStatus.OFFERED);
        UUID hold = heldFor(firstEntry);

        waitlist.withdraw(first.actor(), firstEntry);

        world.awaitStatus(secondEntry, WaitlistEntryStatus.OFFERED);
        assertThat(world.awaitStatus(firstEntry, WaitlistEntryStatus.WITHDRAWN).closedAt())
                .isPresent();
        assertThat(booking.releases()).contains(hold);
    }

    @Test
    void newScheduleCapacityIsOfferedSlotBySlotToTheBestRankedPatients() {
        WaitlistWorld.Patient first = world.patient("en");
        WaitlistWorld.Patient second = world.patient("en");
        WaitlistWorld.Patient third = world.patient("en");
        UUID firstEntry = world.joinForDoctor(first, Urgency.SOON);
        UUID secondEntry = world.joinForDoctor(second, Urgency.ROUTINE);
        UUID thirdEntry = world.joinForDoctor(third, Urgency.ROUTINE);
        world.awaitStatus(thirdEntry, WaitlistEntryStatus.WAITING);
        Instant nine = world.slotDay.atTime(9, 0).atZone(WaitlistWorld.ZONE).toInstant();
        Instant nineThirty = nine.plus(Duration.ofMinutes(30));
        slots.add(new Slot(world.doctorId, world.branchId, new TimeRange(nine, nineThirty), WaitlistWorld.ZONE, 1));
        slots.add(new Slot(
                world.doctorId,
                world.branchId,
                new TimeRange(nineThirty, nineThirty.plus(Duration.ofMinutes(30))),
                WaitlistWorld.ZONE,
                1));

        int made = offers.matchFreedCapacity(world.doctorId, world.branchId, nine, nine.plus(Duration.ofHours(1)));

        assertThat(made).isEqualTo(2);
        assertThat(world.awaitStatus(firstEntry, WaitlistEntryStatus.OFFERED)
                        .offer()
                        .orElseThrow()
                        .start())
                .isEqualTo(nine);
        assertThat(world.awaitStatus(secondEntry, WaitlistEntryStatus.OFFERED)
                        .offer()
                        .orElseThrow()
                        .start())
                .isEqualTo(nineThirty);
        assertThat(world.entry(thirdEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);
    }

    @Test
    void theReadModelIsRebuiltFromTheEventsByAReplay() {
        WaitlistWorld.Patient waiting = world.patient("en");
        WaitlistWorld.Patient withdrawing = world.patient("en");
        UUID waitingEntry = world.joinForDoctor(waiting, Urgency.SOON);
        UUID withdrawnEntry = world.joinForDoctor(withdrawing, Urgency.URGENT);
        world.awaitStatus(withdrawnEntry, WaitlistEntryStatus.WAITING);
        waitlist.withdraw(withdrawing.actor(), withdrawnEntry);
        WaitlistEntryView before = world.awaitStatus(withdrawnEntry, WaitlistEntryStatus.WITHDRAWN);
        StreamingEventProcessor projection = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("scheduling-waitlist-entries", StreamingEventProcessor.class)
                .orElseThrow();

        projection.shutDown();
        projection.resetTokens();
        projection.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(world.entry(withdrawnEntry)).isEqualTo(before);
            assertThat(world.entry(waitingEntry).position()).contains(1);
        });
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.MILLIS);
    }
}
