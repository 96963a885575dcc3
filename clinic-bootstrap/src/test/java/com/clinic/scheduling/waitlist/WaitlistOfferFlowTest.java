package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clinic.notifications.application.WaitlistMessages;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.waitlist.WaitlistService;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.MakeOffer;
import com.clinic.support.IntegrationTest;
import com.clinic.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The waiting list end to end on PostgreSQL, with nothing stood in for: the directory, appointment
 * types and schedules made over HTTP, slots freed by cancelling real bookings, the real offer process
 * on its tracking processor holding them through bookings (real claims on the doctor's time), offer
 * expiry as a durable db-scheduler deadline, the read model and in-app notices. Time is the
 * application's own clock, which the tests move.
 */
@IntegrationTest
class WaitlistOfferFlowTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    WaitlistService waitlist;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static UUID heldFor(WaitlistWorld world, UUID entryId) {
        return world.entry(entryId).offer().orElseThrow().appointmentId();
    }

    @Test
    void theCascadeOfferExpireNextAcceptRunsOnTheControlledClockWithDurableDeadlines() {
        WaitlistWorld world = WaitlistWorld.create(context);
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

        // A booked appointment is cancelled: the urgent patient is offered its slot, held for them.
        Instant cancelledAt = clock.instant();
        world.bookAndCancel(world.slotStart());
        WaitlistEntryView first = world.awaitStatus(urgentEntry, WaitlistEntryStatus.OFFERED);
        UUID firstHold = heldFor(world, urgentEntry);
        assertThat(world.claims())
                .as("the freed slot is claimed by the offer's hold alone")
                .containsExactly(firstHold);
        WaitlistWorld.Appointment held = world.awaitAppointment(firstHold, "HELD");
        assertThat(held.patientId()).isEqualTo(urgent.patientId());
        assertThat(held.waitlistEntryId()).isEqualTo(urgentEntry);
        assertThat(held.start()).isEqualTo(world.slotStart());
        Instant firstExpiry = first.offer().orElseThrow().expiresAt();
        assertThat(firstExpiry)
                .isBetween(cancelledAt.plus(WaitlistWorld.TTL), clock.instant().plus(WaitlistWorld.TTL));
        assertThat(world.offerDeadline(firstHold))
                .hasValueSatisfying(due -> assertThat(due).isCloseTo(firstExpiry, within()));
        assertThat(world.notices(urgent.userId(), WaitlistMessages.OFFER_MADE)).isEqualTo(1);
        assertThat(world.entry(soonEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);

        // Nobody answers: time passes beyond the offer and its deadline fires.
        clock.advance(WaitlistWorld.TTL.plusMinutes(1));
        Instant expiredAround = clock.instant();
        world.makeOfferDeadlineDue(firstHold);

        WaitlistEntryView second = world.awaitStatus(soonEntry, WaitlistEntryStatus.OFFERED);
        assertThat(world.awaitStatus(urgentEntry, WaitlistEntryStatus.WAITING).offer())
                .isEmpty();
        assertThat(world.events(firstHold, "AppointmentCancelled"))
                .as("the expired offer's hold was released")
                .isEqualTo(1);
        assertThat(world.offerDeadline(firstHold))
                .as("a fired deadline is gone")
                .isEmpty();
        assertThat(world.notices(urgent.userId(), WaitlistMessages.OFFER_EXPIRED))
                .isEqualTo(1);
        UUID secondHold = heldFor(world, soonEntry);
        assertThat(world.claims()).containsExactly(secondHold);
        assertThat(world.awaitAppointment(secondHold, "HELD").patientId()).isEqualTo(soon.patientId());
        assertThat(second.offer().orElseThrow().expiresAt())
                .as("the next offer's time runs on the moved clock")
                .isAfterOrEqualTo(expiredAround.plus(WaitlistWorld.TTL));
        assertThat(world.offerDeadline(secondHold)).isPresent();
        assertThat(world.entry(routineEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);

        // The next patient accepts in time: the hold becomes a booking and the entry is fulfilled.
        clock.advance(Duration.ofMinutes(5));
        UUID booked = waitlist.accept(soon.actor(), soonEntry, Optional.of(secondHold));

        assertThat(booked).isEqualTo(secondHold);
        assertThat(world.events(secondHold, "HoldConfirmed")).isEqualTo(1);
        assertThat(world.awaitAppointment(secondHold, "BOOKED").patientId()).isEqualTo(soon.patientId());
        WaitlistEntryView fulfilled = world.awaitStatus(soonEntry, WaitlistEntryStatus.FULFILLED);
        assertThat(fulfilled.appointmentId()).contains(secondHold);
        assertThat(fulfilled.position()).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(world.entry(routineEntry).position()).contains(2));
        assertThat(world.events(soonEntry, "EntryFulfilled")).isEqualTo(1);
        assertThat(world.claims()).containsExactly(secondHold);
    }

    @Test
    void aDeclinedOfferGoesToTheNextPatientAndTheDeclinerKeepsWaiting() {
        WaitlistWorld world = WaitlistWorld.create(context);
        WaitlistWorld.Patient first = world.patient("en");
        WaitlistWorld.Patient second = world.patient("en");
        UUID firstEntry = world.joinForDoctor(first, Urgency.SOON);
        UUID secondEntry = world.joinForDoctor(second, Urgency.ROUTINE);
        world.awaitStatus(secondEntry, WaitlistEntryStatus.WAITING);

        world.bookAndCancel(world.slotStart());
        world.awaitStatus(firstEntry, WaitlistEntryStatus.OFFERED);
        UUID declined = heldFor(world, firstEntry);
        waitlist.decline(first.actor(), firstEntry, Optional.of(declined));

        world.awaitStatus(secondEntry, WaitlistEntryStatus.OFFERED);
        assertThat(world.awaitStatus(firstEntry, WaitlistEntryStatus.WAITING).position())
                .contains(1);
        assertThat(world.events(declined, "AppointmentCancelled"))
                .as("the declined offer's hold was released")
                .isEqualTo(1);
        UUID passedOn = heldFor(world, secondEntry);
        assertThat(passedOn).isNotEqualTo(declined);
        assertThat(world.claims()).containsExactly(passedOn);
        assertThat(world.awaitAppointment(passedOn, "HELD").start()).isEqualTo(world.slotStart());
    }

    @Test
    void whenNobodyMatchesAFreedSlotNothingIsHeld() {
        WaitlistWorld world = WaitlistWorld.create(context);
        WaitlistWorld.Patient patient = world.patient("en");
        UUID entry = world.joinForDoctor(patient, Urgency.URGENT);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);

        // 18:00 is outside the patient's preferred mornings.
        world.bookAndCancel(world.at(LocalTime.of(18, 0)));
        world.awaitOfferProcessCaughtUp();

        assertThat(world.claims()).isEmpty();
        assertThat(world.entry(entry).status()).isEqualTo(WaitlistEntryStatus.WAITING);
        assertThat(world.events(entry, "OfferMade")).isZero();
    }

    @Test
    void aPatientBusyElsewhereAtTheFreedTimeIsSkippedAndTheNextPatientGetsTheSlot() {
        WaitlistWorld world = WaitlistWorld.create(context);
        UUID otherDoctor = world.anotherDoctor();
        WaitlistWorld.Patient busy = world.patient("en");
        WaitlistWorld.Patient next = world.patient("en");
        world.book(busy.patientId(), otherDoctor, world.slotStart());
        UUID busyEntry = world.joinForDoctor(busy, Urgency.URGENT);
        UUID nextEntry = world.joinForDoctor(next, Urgency.ROUTINE);
        world.awaitStatus(nextEntry, WaitlistEntryStatus.WAITING);

        // The best-ranked patient's hold passes every check but the claim ledger's, which finds them
        // busy with the other doctor: refused inside the process's own unit of work and transaction.
        world.bookAndCancel(world.slotStart());

        WaitlistEntryView offered = world.awaitStatus(nextEntry, WaitlistEntryStatus.OFFERED);
        UUID hold = offered.offer().orElseThrow().appointmentId();
        assertThat(world.awaitAppointment(hold, "HELD").patientId()).isEqualTo(next.patientId());
        assertThat(world.entry(busyEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);
        assertThat(world.events(busyEntry, "OfferMade")).isZero();
        assertThat(world.eventsNaming(busy.patientId(), "SlotHeld"))
                .as("the refused hold left no event behind")
                .isZero();
        assertThat(world.claims())
                .as("nor a claim on the doctor's time: only the next patient's hold has it")
                .containsExactly(hold);
    }

    @Test
    void whenTheOfferCannotBeRecordedItsHoldIsReleasedAndTheRetriedStepOffersTheSlot() {
        WaitlistWorld world = WaitlistWorld.create(context);
        WaitlistWorld.Patient patient = world.patient("en");
        UUID entry = world.joinForDoctor(patient, Urgency.URGENT);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);
        AtomicInteger attempts = new AtomicInteger();
        // The slot is held for the patient (committed on its own), then the entry refuses to record
        // the offer: the process's step fails, and its event processor retries the event.
        Registration failFirstOffer = context.getBean(CommandBus.class)
                .registerHandlerInterceptor((unitOfWork, chain) -> {
                    if (unitOfWork.getMessage().getPayload() instanceof MakeOffer offer
                            && offer.entryId().equals(entry)
                            && attempts.getAndIncrement() == 0) {
                        throw new IllegalStateException("the entry could not record the offer");
                    }
                    return chain.proceed();
                });
        WaitlistEntryView offered;
        try {
            world.bookAndCancel(world.slotStart());
            offered = world.awaitStatus(entry, WaitlistEntryStatus.OFFERED);
        } finally {
            failFirstOffer.cancel();
        }

        assertThat(attempts).as("failed once, then recorded").hasValue(2);
        UUID hold = offered.offer().orElseThrow().appointmentId();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(world.holdsFor(entry))
                .as("the failed attempt's hold was released, not left to its expiry")
                .hasSize(2)
                .containsEntry(hold, "HELD")
                .containsValue("CANCELLED"));
        assertThat(world.claims())
                .as("and nothing but the offer's hold claims the slot")
                .containsExactly(hold);
        assertThat(world.offerDeadline(hold)).isPresent();
        assertThat(world.notices(patient.userId(), WaitlistMessages.OFFER_MADE)).isEqualTo(1);
    }

    @Test
    void anOfferCannotBeAcceptedOnceItsTimeHasRunOutEvenBeforeTheDeadlineFired() {
        WaitlistWorld world = WaitlistWorld.create(context);
        WaitlistWorld.Patient patient = world.patient("en");
        UUID entry = world.joinForDoctor(patient, Urgency.ROUTINE);
        world.awaitStatus(entry, WaitlistEntryStatus.WAITING);
        world.bookAndCancel(world.slotStart());
        world.awaitStatus(entry, WaitlistEntryStatus.OFFERED);
        UUID hold = heldFor(world, entry);

        clock.advance(WaitlistWorld.TTL);

        assertThatThrownBy(() -> waitlist.accept(patient.actor(), entry, Optional.of(hold)))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("waitlist.offer-expired");
        assertThat(world.events(hold, "HoldConfirmed")).isZero();
        assertThat(world.awaitAppointment(hold, "HELD").patientId()).isEqualTo(patient.patientId());
        assertThat(world.entry(entry).status()).isEqualTo(WaitlistEntryStatus.OFFERED);
    }

    @Test
    void aPatientWithdrawingWithAnOpenOfferPassesTheSlotOn() {
        WaitlistWorld world = WaitlistWorld.create(context);
        WaitlistWorld.Patient first = world.patient("en");
        WaitlistWorld.Patient second = world.patient("en");
        UUID firstEntry = world.joinForDoctor(first, Urgency.URGENT);
        UUID secondEntry = world.joinForDoctor(second, Urgency.URGENT);
        world.awaitStatus(secondEntry, WaitlistEntryStatus.WAITING);
        world.bookAndCancel(world.slotStart());
        world.awaitStatus(firstEntry, WaitlistEntryStatus.OFFERED);
        UUID hold = heldFor(world, firstEntry);

        waitlist.withdraw(first.actor(), firstEntry);

        world.awaitStatus(secondEntry, WaitlistEntryStatus.OFFERED);
        assertThat(world.awaitStatus(firstEntry, WaitlistEntryStatus.WITHDRAWN).closedAt())
                .isPresent();
        assertThat(world.events(hold, "AppointmentCancelled"))
                .as("the withdrawn patient's hold was released")
                .isEqualTo(1);
        assertThat(world.claims()).containsExactly(heldFor(world, secondEntry));
    }

    @Test
    void newScheduleCapacityIsOfferedSlotBySlotToTheBestRankedPatients() {
        // Afternoons only, so the patients' mornings have no slot until the extra session adds one.
        WaitlistWorld world = WaitlistWorld.create(context, "14:00", "20:00");
        WaitlistWorld.Patient first = world.patient("en");
        WaitlistWorld.Patient second = world.patient("en");
        WaitlistWorld.Patient third = world.patient("en");
        UUID firstEntry = world.joinForDoctor(first, Urgency.SOON);
        UUID secondEntry = world.joinForDoctor(second, Urgency.ROUTINE);
        UUID thirdEntry = world.joinForDoctor(third, Urgency.ROUTINE);
        world.awaitStatus(thirdEntry, WaitlistEntryStatus.WAITING);
        Instant nine = world.at(LocalTime.of(9, 0));
        Instant nineThirty = world.at(LocalTime.of(9, 30));

        world.addExtraSession(world.slotDay.atTime(9, 0), world.slotDay.atTime(10, 0));

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
        assertThat(List.of(firstEntry, secondEntry, thirdEntry).stream()
                        .mapToInt(entry -> world.events(entry, "OfferMade"))
                        .sum())
                .as("one offer per new slot")
                .isEqualTo(2);
        assertThat(world.entry(thirdEntry).status()).isEqualTo(WaitlistEntryStatus.WAITING);
        assertThat(world.claims()).containsExactlyInAnyOrder(heldFor(world, firstEntry), heldFor(world, secondEntry));
    }

    @Test
    void theReadModelIsRebuiltFromTheEventsByAReplay() {
        WaitlistWorld world = WaitlistWorld.create(context);
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
