package com.clinic.scheduling.persistence.queue;

import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_BOARD;
import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_BOARD_TICKET;
import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_CONSULTATION_DURATION;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.persistence.jooq.tables.records.QueueBoardTicketRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads of the queue board, ticket progress and the doctors' recent consultation lengths. */
@Repository
class JooqQueueBoardReadModel implements QueueBoardReadModel {

    private static final List<String> ACTIVE = Stream.of(Progress.values())
            .filter(Progress::isActive)
            .map(Progress::name)
            .toList();

    private final DSLContext db;

    JooqQueueBoardReadModel(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<BoardRows> board(UUID queueId) {
        return db.selectFrom(QUEUE_BOARD)
                .where(QUEUE_BOARD.QUEUE_ID.eq(queueId))
                .fetchOptional()
                .map(queue -> new BoardRows(
                        queue.getQueueId(),
                        new QueueKey(queue.getDoctorId(), queue.getBranchId(), queue.getQueueDate()),
                        queue.getVersion(),
                        queue.getLastNumber(),
                        db.selectFrom(QUEUE_BOARD_TICKET)
                                .where(QUEUE_BOARD_TICKET.QUEUE_ID.eq(queueId), QUEUE_BOARD_TICKET.PROGRESS.in(ACTIVE))
                                .orderBy(
                                        QUEUE_BOARD_TICKET
                                                .WAITING_POSITION
                                                .asc()
                                                .nullsFirst(),
                                        QUEUE_BOARD_TICKET.TICKET_NUMBER.asc())
                                .fetch(JooqQueueBoardReadModel::toRow)));
    }

    @Override
    public Optional<TicketRow> ticket(UUID ticketId) {
        return db.selectFrom(QUEUE_BOARD_TICKET)
                .where(QUEUE_BOARD_TICKET.TICKET_ID.eq(ticketId))
                .orderBy(
                        DSL.when(QUEUE_BOARD_TICKET.LEFT_AT.isNull(), 0).otherwise(1),
                        QUEUE_BOARD_TICKET.JOINED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(JooqQueueBoardReadModel::toRow);
    }

    @Override
    public List<Duration> recentDurations(UUID doctorId, Instant since, int limit) {
        return db.select(QUEUE_CONSULTATION_DURATION.DURATION_SECONDS)
                .from(QUEUE_CONSULTATION_DURATION)
                .where(
                        QUEUE_CONSULTATION_DURATION.DOCTOR_ID.eq(doctorId),
                        QUEUE_CONSULTATION_DURATION.FINISHED_AT.ge(since))
                .orderBy(QUEUE_CONSULTATION_DURATION.FINISHED_AT.desc())
                .limit(limit)
                .fetch(Records.mapping(seconds -> Duration.ofSeconds(seconds)));
    }

    private static TicketRow toRow(QueueBoardTicketRecord row) {
        return new TicketRow(
                row.getQueueId(),
                row.getTicketId(),
                row.getTicketNumber(),
                Optional.ofNullable(row.getPatientId()),
                Optional.ofNullable(row.getAppointmentId()),
                Priority.valueOf(row.getPriority()),
                Optional.ofNullable(row.getPriorityReason()).map(Ciphertext::new),
                Progress.valueOf(row.getProgress()),
                Optional.ofNullable(row.getWaitingPosition()),
                row.getEffectiveAt(),
                row.getJoinedAt(),
                Optional.ofNullable(row.getCalledAt()),
                row.getRecalls(),
                row.getSkips(),
                Optional.ofNullable(row.getServiceStartedAt()),
                Optional.ofNullable(row.getLeftAt()));
    }
}
