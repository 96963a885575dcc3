package com.clinic.scheduling.facts;

import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.scheduling.GivenClinic;
import com.clinic.scheduling.QueueTicketChanged;
import com.clinic.scheduling.application.facts.SchedulingFacts;
import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueCommand.CallNext;
import com.clinic.scheduling.domain.queue.QueueCommand.FinishService;
import com.clinic.scheduling.domain.queue.QueueCommand.IssueWalkInTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.MarkTicketNoShow;
import com.clinic.scheduling.domain.queue.QueueCommand.PrioritiseTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.RecallTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.SkipTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.StartService;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProcessSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What scheduling tells other contexts about walk-in queue tickets: "your turn" when a ticket is
 * called (again on a recall), and "you are next" whenever another ticket becomes the first waiting
 * one, worked out from the queue's own events, whatever moved it there. Commands go to the real queue
 * aggregate; the clock moves a minute between arrivals so that arrival order is visible.
 */
@IntegrationTest
class SchedulingFactsQueueTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonalDataVault vault;

    private ProcessSpecification spec;
    private GivenClinic clinic;
    private QueueKey key;
    private UUID queueId;
    private final UUID doctor = UUID.randomUUID();
    private final UUID reception = UUID.randomUUID();

    /** A ticket in the queue: its id, number and patient (none for an unregistered walk-in). */
    private record Ticket(UUID ticketId, int number, Optional<UUID> patientId) {}

    @BeforeEach
    void aDoctorsQueueAtABranchInRiyadh() {
        spec = ProcessSpecification.of(context, SchedulingFacts.PROCESSING_GROUP);
        clinic = new GivenClinic(context, RIYADH, spec.now());
        spec.given(clinic.opened());
        spec.given(clinic.doctor(doctor, "family medicine"));
        key = new QueueKey(doctor, clinic.branchId, LocalDate.ofInstant(spec.now(), RIYADH));
        queueId = QueueIds.of(key);
    }

    @AfterEach
    void undo() {
        spec.close();
    }

    private Ticket ticket(int number, Optional<UUID> patientId) {
        return new Ticket(UUID.randomUUID(), number, patientId);
    }

    private IssueWalkInTicket issue(Ticket ticket) {
        return new IssueWalkInTicket(queueId, key, ticket.ticketId(), ticket.patientId(), reception, spec.now());
    }

    private QueueTicketChanged.YouAreNext youAreNext(Ticket ticket, Instant at) {
        return youAreNext(spec.generated(), ticket, at);
    }

    private QueueTicketChanged.YouAreNext youAreNext(UUID eventId, Ticket ticket, Instant at) {
        return new QueueTicketChanged.YouAreNext(
                eventId,
                queueId,
                ticket.ticketId(),
                ticket.number(),
                ticket.patientId(),
                clinic.branchId,
                Optional.of(doctor),
                RIYADH,
                at);
    }

    private QueueTicketChanged.Called called(Ticket ticket, Instant at) {
        return called(spec.generated(), ticket, at);
    }

    private QueueTicketChanged.Called called(UUID eventId, Ticket ticket, Instant at) {
        return new QueueTicketChanged.Called(
                eventId,
                queueId,
                ticket.ticketId(),
                ticket.number(),
                ticket.patientId(),
                clinic.branchId,
                Optional.of(doctor),
                RIYADH,
                at);
    }

    private Instant aMinuteLater() {
        return spec.advance(Duration.ofMinutes(1));
    }

    @Test
    void theFirstTicketIsNextACallIsTheirTurnAndMakesTheTicketBehindNext() {
        Ticket first = ticket(1, Optional.of(UUID.randomUUID()));
        Ticket second = ticket(2, Optional.of(UUID.randomUUID()));
        Ticket anonymous = ticket(3, Optional.empty());

        spec.whenSent(issue(first)).expectPublished(youAreNext(first, spec.now()));
        aMinuteLater();
        spec.whenSent(issue(second)).expectNothingPublished();
        aMinuteLater();
        spec.whenSent(issue(anonymous)).expectNothingPublished();

        // One event, two facts about two tickets: they share the event's identifier.
        Instant call = aMinuteLater();
        UUID calledEvent = spec.generated();
        spec.whenSent(new CallNext(queueId, reception, call))
                .expectPublished(called(calledEvent, first, call), youAreNext(calledEvent, second, call));
        Instant recall = aMinuteLater();
        spec.whenSent(new RecallTicket(queueId, first.ticketId(), reception, recall))
                .expectPublished(called(first, recall));

        // Who is first waiting does not change while the called patient is seen.
        Instant started = aMinuteLater();
        spec.whenSent(new StartService(queueId, first.ticketId(), reception, started))
                .expectNothingPublished();
        Instant finished = aMinuteLater();
        spec.whenSent(new FinishService(queueId, first.ticketId(), reception, finished))
                .expectNothingPublished();
        Instant nextCall = aMinuteLater();
        UUID nextCalledEvent = spec.generated();
        spec.whenSent(new CallNext(queueId, reception, nextCall))
                .expectPublished(
                        called(nextCalledEvent, second, nextCall), youAreNext(nextCalledEvent, anonymous, nextCall));
    }

    @Test
    void aSkipANoShowAndAPriorityEachMakeAnotherTicketNext() {
        Ticket first = ticket(1, Optional.of(UUID.randomUUID()));
        Ticket second = ticket(2, Optional.of(UUID.randomUUID()));
        Ticket third = ticket(3, Optional.of(UUID.randomUUID()));
        Ticket elderly = ticket(4, Optional.of(UUID.randomUUID()));
        spec.givenSent(issue(first));
        aMinuteLater();
        spec.givenSent(issue(second));
        aMinuteLater();
        spec.givenSent(issue(third));

        // Skipped: back behind everyone of the same priority, as if arriving now.
        Instant skipped = aMinuteLater();
        spec.whenSent(new SkipTicket(queueId, first.ticketId(), reception, skipped))
                .expectPublished(youAreNext(second, skipped));
        Instant gone = aMinuteLater();
        spec.whenSent(new MarkTicketNoShow(queueId, second.ticketId(), reception, gone))
                .expectPublished(youAreNext(third, gone));
        aMinuteLater();
        spec.whenSent(issue(elderly)).expectNothingPublished();
        Instant prioritised = aMinuteLater();
        spec.whenSent(new PrioritiseTicket(
                        queueId,
                        elderly.ticketId(),
                        Priority.ELDERLY,
                        Optional.of(vault.seal(elderly.patientId().orElseThrow(), "eighty-six years old")),
                        reception,
                        prioritised))
                .expectPublished(youAreNext(elderly, prioritised));
        // A no-show of someone behind the first waiting ticket changes nothing for anyone.
        spec.whenSent(new MarkTicketNoShow(queueId, first.ticketId(), reception, aMinuteLater()))
                .expectNothingPublished();
    }
}
