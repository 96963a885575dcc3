package com.clinic.scheduling.persistence.queue;

import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_BOARD;
import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_BOARD_TICKET;
import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_CONSULTATION_DURATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.persistence.PostgresChannelListener;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueEvent.QueueOpened;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceFinished;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceStarted;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketCalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketPrioritised;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketSkipped;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketTransferred;
import com.clinic.scheduling.domain.queue.QueueEvent.TransferredTicketAdmitted;
import com.clinic.scheduling.domain.queue.QueueEvent.WalkInTicketIssued;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.TransferredTicket;
import com.clinic.scheduling.persistence.Slots;
import com.clinic.scheduling.persistence.jooq.tables.records.QueueBoardTicketRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(PostgresTestDatabase.class)
class QueueBoardProjectionTest {

    private static final Instant EIGHT = Instant.parse("2026-07-01T05:00:00Z");

    private final DSLContext db;
    private final QueueBoardProjection projection;
    private final UUID queue = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();
    private final QueueKey key = new QueueKey(doctor, branch, LocalDate.of(2026, 7, 1));
    private long version;

    QueueBoardProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new QueueBoardProjection(db);
    }

    @BeforeEach
    void anOpenQueue() {
        projection.on(new QueueOpened(queue, key, EIGHT), version);
    }

    @Test
    void walkInsWaitInTheirNumbersOrderAndAPrioritisedTicketGoesFirst() {
        UUID first = walkIn(1, 0);
        UUID second = walkIn(2, 60);
        UUID third = walkIn(3, 120);

        assertThat(waiting()).containsExactly(first, second, third);
        assertThat(db.fetchSingle(QUEUE_BOARD, QUEUE_BOARD.QUEUE_ID.eq(queue)).getLastNumber())
                .isEqualTo(3);

        projection.on(
                new TicketPrioritised(
                        queue, third, Priority.EMERGENCY, Optional.of(new Ciphertext("sealed")), doctor, EIGHT),
                ++version);

        assertThat(waiting()).containsExactly(third, first, second);
        assertThat(ticket(third).getPriorityReason()).isEqualTo("sealed");
    }

    @Test
    void aCalledTicketLeavesTheWaitingOrderAndASkippedOneRejoinsItAtItsNewTime() {
        UUID first = walkIn(1, 0);
        UUID second = walkIn(2, 60);
        UUID third = walkIn(3, 120);

        projection.on(new TicketCalled(queue, first, 1, doctor, EIGHT.plusSeconds(300)), ++version);
        assertThat(ticket(first).getProgress()).isEqualTo("CALLED");
        assertThat(ticket(first).getWaitingPosition()).isNull();
        assertThat(waiting()).containsExactly(second, third);

        projection.on(
                new TicketSkipped(queue, first, EIGHT.plusSeconds(90), 1, doctor, EIGHT.plusSeconds(400)), ++version);

        assertThat(waiting()).containsExactly(second, first, third);
        assertThat(ticket(first).getSkips()).isEqualTo(1);
        assertThat(ticket(first).getCalledAt()).isNull();
    }

    @Test
    void aFinishedServiceRecordsTheConsultationsLengthForTheQueuesDoctor() {
        UUID appointment = UUID.randomUUID();
        UUID ticket = walkIn(1, 0);
        projection.on(new TicketCalled(queue, ticket, 1, doctor, EIGHT), ++version);
        projection.on(
                new ServiceStarted(queue, ticket, Optional.of(appointment), Optional.of(doctor), EIGHT), ++version);
        assertThat(ticket(ticket).getProgress()).isEqualTo("IN_SERVICE");

        projection.on(
                new ServiceFinished(
                        queue,
                        ticket,
                        Optional.of(appointment),
                        EIGHT,
                        Duration.ofMinutes(12),
                        Optional.of(doctor),
                        EIGHT.plusSeconds(720)),
                ++version);

        assertThat(ticket(ticket).getProgress()).isEqualTo("FINISHED");
        assertThat(ticket(ticket).getLeftAt()).isEqualTo(EIGHT.plusSeconds(720));
        var duration = db.fetchSingle(
                QUEUE_CONSULTATION_DURATION, QUEUE_CONSULTATION_DURATION.CONSULTATION_ID.eq(appointment));
        assertThat(duration.getDoctorId()).isEqualTo(doctor);
        assertThat(duration.getBranchId()).isEqualTo(branch);
        assertThat(duration.getDurationSeconds()).isEqualTo(720);
    }

    @Test
    void theQueuesRecordOfAConsultationWinsOverTheAppointmentsWhicheverArrivesFirst() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        Slots slots = new Slots(UUID.randomUUID(), branch, UUID.randomUUID());
        // The appointment's completion names whoever it was booked with; the queue knows who saw the patient.
        UUID bookedDoctor = UUID.randomUUID();
        var slot = slots.slot(bookedDoctor, EIGHT, 30);
        projection.on(new AppointmentCompleted(before, slot, EIGHT, EIGHT.plusSeconds(1500)));
        finish(walkIn(1, 0), before, Duration.ofMinutes(10));
        finish(walkIn(2, 0), after, Duration.ofMinutes(7));
        projection.on(new AppointmentCompleted(after, slot, EIGHT, EIGHT.plusSeconds(1500)));

        assertThat(durationOf(before)).isEqualTo(600);
        assertThat(durationOf(after)).isEqualTo(420);
        assertThat(db.fetchSingle(QUEUE_CONSULTATION_DURATION, QUEUE_CONSULTATION_DURATION.CONSULTATION_ID.eq(before))
                        .getDoctorId())
                .isEqualTo(doctor);
    }

    @Test
    void aTransferredTicketLeavesOneBoardAndJoinsTheOtherWithItsPriorityAndTime() {
        UUID otherQueue = UUID.randomUUID();
        UUID otherDoctor = UUID.randomUUID();
        projection.on(new QueueOpened(otherQueue, key.forDoctor(otherDoctor), EIGHT), 0);
        walkIn(1, 0);
        UUID moving = walkIn(2, 30);
        TransferredTicket carried = new TransferredTicket(
                moving, Optional.empty(), Optional.empty(), Priority.ELDERLY, Optional.empty(), EIGHT.plusSeconds(30));

        projection.on(
                new TicketTransferred(queue, carried, otherDoctor, otherQueue, doctor, EIGHT.plusSeconds(600)),
                ++version);
        projection.on(new TransferredTicketAdmitted(otherQueue, carried, 1, queue, doctor, EIGHT.plusSeconds(600)), 1);

        assertThat(ticket(moving).getProgress()).isEqualTo("TRANSFERRED");
        QueueBoardTicketRecord arrived = db.fetchSingle(
                QUEUE_BOARD_TICKET,
                QUEUE_BOARD_TICKET.QUEUE_ID.eq(otherQueue),
                QUEUE_BOARD_TICKET.TICKET_ID.eq(moving));
        assertThat(arrived.getPriority()).isEqualTo("ELDERLY");
        assertThat(arrived.getEffectiveAt()).isEqualTo(EIGHT.plusSeconds(30));
        assertThat(arrived.getWaitingPosition()).isEqualTo(1);
    }

    @Test
    void aTicketTransferredAwayAndBackWaitsAgainInItsOldRow() {
        UUID otherQueue = UUID.randomUUID();
        projection.on(new QueueOpened(otherQueue, key.forDoctor(UUID.randomUUID()), EIGHT), 0);
        UUID ticket = walkIn(1, 0);
        TransferredTicket carried = new TransferredTicket(
                ticket, Optional.empty(), Optional.empty(), Priority.NORMAL, Optional.empty(), EIGHT);
        projection.on(new TicketTransferred(queue, carried, UUID.randomUUID(), otherQueue, doctor, EIGHT), ++version);

        projection.on(
                new TransferredTicketAdmitted(queue, carried, 2, otherQueue, doctor, EIGHT.plusSeconds(900)),
                ++version);

        QueueBoardTicketRecord back = ticket(ticket);
        assertThat(back.getProgress()).isEqualTo("WAITING");
        assertThat(back.getTicketNumber()).isEqualTo(2);
        assertThat(back.getLeftAt()).isNull();
        assertThat(waiting()).containsExactly(ticket);
    }

    @Test
    void eventsDeliveredAgainLeaveTheBoardAsTheyFoundIt() {
        UUID first = walkIn(1, 0);
        walkIn(2, 60);
        TicketCalled called = new TicketCalled(queue, first, 1, doctor, EIGHT.plusSeconds(300));
        projection.on(called, ++version);
        long reached = version;
        List<QueueBoardTicketRecord> once = tickets();

        projection.on(new WalkInTicketIssued(queue, first, 1, Optional.empty(), doctor, EIGHT), 1);
        projection.on(called, reached);
        projection.on(new QueueOpened(queue, key, EIGHT), 0);

        assertThat(tickets()).isEqualTo(once);
        assertThat(db.fetchSingle(QUEUE_BOARD, QUEUE_BOARD.QUEUE_ID.eq(queue)).getVersion())
                .isEqualTo(reached);
    }

    @Test
    void aChangeIsAnnouncedWhenItCommitsAndNeverWhenItRollsBack(
            PostgresTestDatabase.Server server, TransactionTemplate transactions) throws InterruptedException {
        BlockingQueue<String> announced = new LinkedBlockingQueue<>();
        PostgresChannelListener listener = new PostgresChannelListener(
                server::connect,
                PostgresQueueChangeListener.CHANNEL,
                new PostgresChannelListener.Receiver() {
                    @Override
                    public void received(String payload) {
                        announced.add(payload);
                    }

                    @Override
                    public void resynchronise() {}
                },
                Duration.ofMillis(100),
                "queue-board-test");
        listener.start();
        try {
            assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();
            transactions.executeWithoutResult(status -> {
                walkIn(1, 0);
                status.setRollbackOnly();
            });
            version--;
            UUID otherQueue = UUID.randomUUID();

            projection.on(new QueueOpened(otherQueue, key.forDoctor(UUID.randomUUID()), EIGHT), 0);

            assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo(otherQueue.toString());
            walkIn(1, 0);
            assertThat(announced.poll(10, TimeUnit.SECONDS)).isEqualTo(queue.toString());
        } finally {
            listener.stop();
        }
    }

    @Test
    void aResetEmptiesBoardsTicketsAndDurations() {
        finish(walkIn(1, 0), UUID.randomUUID(), Duration.ofMinutes(5));

        projection.reset();

        assertThat(db.fetchCount(QUEUE_BOARD)
                        + db.fetchCount(QUEUE_BOARD_TICKET)
                        + db.fetchCount(QUEUE_CONSULTATION_DURATION))
                .isZero();
    }

    private UUID walkIn(int number, int secondsAfterEight) {
        UUID ticket = UUID.randomUUID();
        projection.on(
                new WalkInTicketIssued(
                        queue,
                        ticket,
                        number,
                        Optional.of(UUID.randomUUID()),
                        doctor,
                        EIGHT.plusSeconds(secondsAfterEight)),
                ++version);
        return ticket;
    }

    private void finish(UUID ticket, UUID appointment, Duration length) {
        projection.on(
                new ServiceStarted(queue, ticket, Optional.of(appointment), Optional.of(doctor), EIGHT), ++version);
        projection.on(
                new ServiceFinished(
                        queue,
                        ticket,
                        Optional.of(appointment),
                        EIGHT,
                        length,
                        Optional.of(doctor),
                        EIGHT.plus(length)),
                ++version);
    }

    private int durationOf(UUID consultation) {
        return db.fetchSingle(QUEUE_CONSULTATION_DURATION, QUEUE_CONSULTATION_DURATION.CONSULTATION_ID.eq(consultation))
                .getDurationSeconds();
    }

    private QueueBoardTicketRecord ticket(UUID ticket) {
        return db.fetchSingle(
                QUEUE_BOARD_TICKET, QUEUE_BOARD_TICKET.QUEUE_ID.eq(queue), QUEUE_BOARD_TICKET.TICKET_ID.eq(ticket));
    }

    private List<QueueBoardTicketRecord> tickets() {
        return db.selectFrom(QUEUE_BOARD_TICKET)
                .where(QUEUE_BOARD_TICKET.QUEUE_ID.eq(queue))
                .orderBy(QUEUE_BOARD_TICKET.TICKET_NUMBER)
                .fetch();
    }

    /** The waiting tickets in their board positions, which must run 1, 2, 3 without gaps. */
    private List<UUID> waiting() {
        List<Record2<UUID, Integer>> rows = db.select(QUEUE_BOARD_TICKET.TICKET_ID, QUEUE_BOARD_TICKET.WAITING_POSITION)
                .from(QUEUE_BOARD_TICKET)
                .where(QUEUE_BOARD_TICKET.QUEUE_ID.eq(queue), QUEUE_BOARD_TICKET.PROGRESS.eq("WAITING"))
                .orderBy(QUEUE_BOARD_TICKET.WAITING_POSITION)
                .fetch();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).value2()).isEqualTo(i + 1);
        }
        return rows.stream().map(Record2::value1).toList();
    }
}
