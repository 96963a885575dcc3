package com.clinic.scheduling.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.BoardRows;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.TicketRow;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueEvent.BookedPatientJoined;
import com.clinic.scheduling.domain.queue.QueueEvent.QueueOpened;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceFinished;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceStarted;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketCalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketMarkedNoShow;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketTransferred;
import com.clinic.scheduling.domain.queue.QueueEvent.TransferredTicketAdmitted;
import com.clinic.scheduling.domain.queue.QueueEvent.WalkInTicketIssued;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.TransferredTicket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqQueueBoardReadModelTest {

    private static final Instant EIGHT = Instant.parse("2026-07-01T05:00:00Z");

    private final QueueBoardProjection projection;
    private final JooqQueueBoardReadModel boards;
    private final UUID queue = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();
    private final QueueKey key = new QueueKey(doctor, UUID.randomUUID(), LocalDate.of(2026, 7, 1));
    private long version;

    JooqQueueBoardReadModelTest(DSLContext db) {
        this.projection = new QueueBoardProjection(db);
        this.boards = new JooqQueueBoardReadModel(db);
    }

    @BeforeEach
    void anOpenQueue() {
        projection.on(new QueueOpened(queue, key, EIGHT), version);
    }

    @Test
    void theBoardShowsTheActiveTicketsThoseBeingSeenFirstThenTheWaitingInOrder() {
        UUID appointment = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID inService = walkIn(1);
        UUID called = walkIn(2);
        UUID noShow = walkIn(3);
        UUID booked = UUID.randomUUID();
        projection.on(
                new BookedPatientJoined(
                        queue, booked, 4, patient, appointment, EIGHT, EIGHT.minusSeconds(600), false, doctor, EIGHT),
                ++version);
        UUID waiting = walkIn(5);
        projection.on(new ServiceStarted(queue, inService, Optional.empty(), Optional.of(doctor), EIGHT), ++version);
        projection.on(new TicketCalled(queue, called, 2, doctor, EIGHT), ++version);
        projection.on(new TicketMarkedNoShow(queue, noShow, doctor, EIGHT), ++version);

        BoardRows board = boards.board(queue).orElseThrow();

        assertThat(board.key()).isEqualTo(key);
        assertThat(board.lastNumber()).isEqualTo(5);
        assertThat(board.version()).isEqualTo(version);
        assertThat(board.active()).extracting(TicketRow::ticketId).containsExactly(inService, called, booked, waiting);
        TicketRow bookedRow = board.active().get(2);
        assertThat(bookedRow.position()).contains(1);
        assertThat(bookedRow.appointmentId()).contains(appointment);
        assertThat(bookedRow.patientId()).contains(patient);
        assertThat(bookedRow.effectiveAt()).isEqualTo(EIGHT.minusSeconds(600));
        assertThat(bookedRow.priority()).isEqualTo(Priority.NORMAL);
        assertThat(board.active().get(0).progress()).isEqualTo(Progress.IN_SERVICE);
        assertThat(board.active().get(0).position()).isEmpty();
        assertThat(boards.board(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aTransferredTicketIsFoundWhereItIsNowNotWhereItWas() {
        UUID otherQueue = UUID.randomUUID();
        projection.on(new QueueOpened(otherQueue, key.forDoctor(UUID.randomUUID()), EIGHT), 0);
        UUID ticket = walkIn(1);
        TransferredTicket carried = new TransferredTicket(
                ticket, Optional.empty(), Optional.empty(), Priority.NORMAL, Optional.empty(), EIGHT);
        projection.on(new TicketTransferred(queue, carried, UUID.randomUUID(), otherQueue, doctor, EIGHT), ++version);
        projection.on(new TransferredTicketAdmitted(otherQueue, carried, 1, queue, doctor, EIGHT.plusSeconds(60)), 1);

        assertThat(boards.ticket(ticket)).hasValueSatisfying(row -> {
            assertThat(row.queueId()).isEqualTo(otherQueue);
            assertThat(row.progress()).isEqualTo(Progress.WAITING);
        });
        assertThat(boards.ticket(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aTicketThatHasLeftIsStillFoundWithWhenItLeft() {
        UUID ticket = walkIn(1);
        projection.on(new ServiceStarted(queue, ticket, Optional.empty(), Optional.of(doctor), EIGHT), ++version);
        projection.on(
                new ServiceFinished(
                        queue,
                        ticket,
                        Optional.empty(),
                        EIGHT,
                        Duration.ofMinutes(9),
                        Optional.of(doctor),
                        EIGHT.plusSeconds(540)),
                ++version);

        assertThat(boards.ticket(ticket)).hasValueSatisfying(row -> {
            assertThat(row.progress()).isEqualTo(Progress.FINISHED);
            assertThat(row.leftAt()).contains(EIGHT.plusSeconds(540));
            assertThat(row.serviceStartedAt()).contains(EIGHT);
        });
    }

    @Test
    void recentDurationsAreTheDoctorsNewestSinceTheGivenTime() {
        finish(walkIn(1), Duration.ofMinutes(10), EIGHT.plusSeconds(3600));
        finish(walkIn(2), Duration.ofMinutes(20), EIGHT.plusSeconds(7200));
        finish(walkIn(3), Duration.ofMinutes(30), EIGHT.plusSeconds(10_800));
        finish(walkIn(4), Duration.ofMinutes(5), EIGHT.minusSeconds(86_400));

        assertThat(boards.recentDurations(doctor, EIGHT, 2))
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(20));
        assertThat(boards.recentDurations(doctor, EIGHT, 10))
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(20), Duration.ofMinutes(10));
        assertThat(boards.recentDurations(UUID.randomUUID(), EIGHT, 10)).isEmpty();
    }

    private UUID walkIn(int number) {
        UUID ticket = UUID.randomUUID();
        projection.on(
                new WalkInTicketIssued(queue, ticket, number, Optional.empty(), doctor, EIGHT.plusSeconds(number)),
                ++version);
        return ticket;
    }

    private void finish(UUID ticket, Duration length, Instant at) {
        projection.on(
                new ServiceStarted(queue, ticket, Optional.empty(), Optional.of(doctor), at.minus(length)), ++version);
        projection.on(
                new ServiceFinished(queue, ticket, Optional.empty(), at.minus(length), length, Optional.of(doctor), at),
                ++version);
    }
}
