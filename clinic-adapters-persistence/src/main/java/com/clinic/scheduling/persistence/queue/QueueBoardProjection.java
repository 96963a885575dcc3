package com.clinic.scheduling.persistence.queue;

import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_BOARD;
import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_BOARD_TICKET;
import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_CONSULTATION_DURATION;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueEvent;
import com.clinic.scheduling.domain.queue.QueueEvent.QueueOpened;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceFinished;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceStarted;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketCalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketMarkedNoShow;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketPrioritised;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketRecalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketSkipped;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketTransferred;
import com.clinic.scheduling.domain.queue.QueueOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Component;

/**
 * Builds the queue board and the consultation-length history, then announces the change with
 * {@code NOTIFY queue_changed, '<queueId>'}: PostgreSQL delivers it when this transaction commits, to
 * every application instance listening, so each pushes fresh boards to its own live subscribers.
 *
 * <p>An event at or below the board's stored version was already applied and is skipped, so a
 * redelivered batch changes nothing. Waiting positions are recomputed with the domain's one queue
 * ordering after every change, so board and "call next" can never disagree.
 */
@Component
@ProcessingGroup(QueueBoardProjection.PROCESSING_GROUP)
class QueueBoardProjection {

    static final String PROCESSING_GROUP = "scheduling-queue-board";

    private final DSLContext db;

    QueueBoardProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(QueueOpened event, @SequenceNumber long version) {
        int inserted = db.insertInto(QUEUE_BOARD)
                .set(QUEUE_BOARD.QUEUE_ID, event.queueId())
                .set(QUEUE_BOARD.DOCTOR_ID, event.key().doctorId())
                .set(QUEUE_BOARD.BRANCH_ID, event.key().branchId())
                .set(QUEUE_BOARD.QUEUE_DATE, event.key().date())
                .set(QUEUE_BOARD.LAST_NUMBER, 0)
                .set(QUEUE_BOARD.VERSION, version)
                .set(QUEUE_BOARD.UPDATED_AT, event.at())
                .onConflict(QUEUE_BOARD.QUEUE_ID)
                .doNothing()
                .execute();
        if (inserted == 1) {
            notifyChanged(event.queueId());
        }
    }

    @EventHandler
    void on(QueueEvent.Joined event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        db.update(QUEUE_BOARD)
                .set(QUEUE_BOARD.LAST_NUMBER, event.number())
                .where(QUEUE_BOARD.QUEUE_ID.eq(event.queueId()), QUEUE_BOARD.LAST_NUMBER.lt(event.number()))
                .execute();
        // Upsert: a ticket transferred away and back again reuses its row in this queue.
        db.insertInto(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.QUEUE_ID, event.queueId())
                .set(QUEUE_BOARD_TICKET.TICKET_ID, event.ticketId())
                .set(QUEUE_BOARD_TICKET.TICKET_NUMBER, event.number())
                .set(QUEUE_BOARD_TICKET.PATIENT_ID, event.patientId().orElse(null))
                .set(QUEUE_BOARD_TICKET.APPOINTMENT_ID, event.appointmentId().orElse(null))
                .set(QUEUE_BOARD_TICKET.PRIORITY, event.priority().name())
                .set(QUEUE_BOARD_TICKET.PRIORITY_REASON, sealed(event.priorityReason()))
                .set(QUEUE_BOARD_TICKET.PROGRESS, Progress.WAITING.name())
                .set(QUEUE_BOARD_TICKET.EFFECTIVE_AT, event.effectiveAt())
                .set(QUEUE_BOARD_TICKET.JOINED_AT, event.at())
                .set(QUEUE_BOARD_TICKET.RECALLS, 0)
                .set(QUEUE_BOARD_TICKET.SKIPS, 0)
                .onConflict(QUEUE_BOARD_TICKET.QUEUE_ID, QUEUE_BOARD_TICKET.TICKET_ID)
                .doUpdate()
                .set(QUEUE_BOARD_TICKET.TICKET_NUMBER, event.number())
                .set(QUEUE_BOARD_TICKET.PRIORITY, event.priority().name())
                .set(QUEUE_BOARD_TICKET.PRIORITY_REASON, sealed(event.priorityReason()))
                .set(QUEUE_BOARD_TICKET.PROGRESS, Progress.WAITING.name())
                .set(QUEUE_BOARD_TICKET.EFFECTIVE_AT, event.effectiveAt())
                .set(QUEUE_BOARD_TICKET.JOINED_AT, event.at())
                .setNull(QUEUE_BOARD_TICKET.CALLED_AT)
                .set(QUEUE_BOARD_TICKET.RECALLS, 0)
                .set(QUEUE_BOARD_TICKET.SKIPS, 0)
                .setNull(QUEUE_BOARD_TICKET.SERVICE_STARTED_AT)
                .setNull(QUEUE_BOARD_TICKET.LEFT_AT)
                .execute();
        changed(event.queueId());
    }

    @EventHandler
    void on(TicketPrioritised event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        db.update(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.PRIORITY, event.priority().name())
                .set(QUEUE_BOARD_TICKET.PRIORITY_REASON, sealed(event.reason()))
                .where(ticket(event.queueId(), event.ticketId()))
                .execute();
        changed(event.queueId());
    }

    @EventHandler
    void on(TicketCalled event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        db.update(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.PROGRESS, Progress.CALLED.name())
                .set(QUEUE_BOARD_TICKET.CALLED_AT, event.at())
                .where(ticket(event.queueId(), event.ticketId()))
                .execute();
        changed(event.queueId());
    }

    @EventHandler
    void on(TicketRecalled event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        db.update(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.RECALLS, event.recalls())
                .set(QUEUE_BOARD_TICKET.CALLED_AT, event.at())
                .where(ticket(event.queueId(), event.ticketId()))
                .execute();
        changed(event.queueId());
    }

    @EventHandler
    void on(TicketSkipped event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        db.update(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.PROGRESS, Progress.WAITING.name())
                .set(QUEUE_BOARD_TICKET.EFFECTIVE_AT, event.effectiveAt())
                .set(QUEUE_BOARD_TICKET.SKIPS, event.skips())
                .setNull(QUEUE_BOARD_TICKET.CALLED_AT)
                .where(ticket(event.queueId(), event.ticketId()))
                .execute();
        changed(event.queueId());
    }

    @EventHandler
    void on(ServiceStarted event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        db.update(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.PROGRESS, Progress.IN_SERVICE.name())
                .set(QUEUE_BOARD_TICKET.SERVICE_STARTED_AT, event.at())
                .where(ticket(event.queueId(), event.ticketId()))
                .execute();
        changed(event.queueId());
    }

    @EventHandler
    void on(TicketMarkedNoShow event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        leave(event.queueId(), event.ticketId(), Progress.NO_SHOW, event.at());
        changed(event.queueId());
    }

    @EventHandler
    void on(TicketTransferred event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        leave(event.queueId(), event.ticketId(), Progress.TRANSFERRED, event.at());
        changed(event.queueId());
    }

    /**
     * Who actually saw the patient is the queue's doctor, so this length overrides the one an
     * appointment's completion may have recorded for the same consultation (whichever came first).
     */
    @EventHandler
    void on(ServiceFinished event, @SequenceNumber long version) {
        if (!advance(event.queueId(), version, event.at())) {
            return;
        }
        leave(event.queueId(), event.ticketId(), Progress.FINISHED, event.at());
        var queue = db.select(QUEUE_BOARD.DOCTOR_ID, QUEUE_BOARD.BRANCH_ID)
                .from(QUEUE_BOARD)
                .where(QUEUE_BOARD.QUEUE_ID.eq(event.queueId()))
                .fetchOne();
        if (queue != null) {
            UUID consultation = event.appointmentId().orElse(event.ticketId());
            int seconds = seconds(event.duration());
            db.insertInto(QUEUE_CONSULTATION_DURATION)
                    .set(QUEUE_CONSULTATION_DURATION.CONSULTATION_ID, consultation)
                    .set(QUEUE_CONSULTATION_DURATION.DOCTOR_ID, queue.get(QUEUE_BOARD.DOCTOR_ID))
                    .set(QUEUE_CONSULTATION_DURATION.BRANCH_ID, queue.get(QUEUE_BOARD.BRANCH_ID))
                    .set(QUEUE_CONSULTATION_DURATION.FINISHED_AT, event.at())
                    .set(QUEUE_CONSULTATION_DURATION.DURATION_SECONDS, seconds)
                    .onConflict(QUEUE_CONSULTATION_DURATION.CONSULTATION_ID)
                    .doUpdate()
                    .set(QUEUE_CONSULTATION_DURATION.DOCTOR_ID, queue.get(QUEUE_BOARD.DOCTOR_ID))
                    .set(QUEUE_CONSULTATION_DURATION.BRANCH_ID, queue.get(QUEUE_BOARD.BRANCH_ID))
                    .set(QUEUE_CONSULTATION_DURATION.FINISHED_AT, event.at())
                    .set(QUEUE_CONSULTATION_DURATION.DURATION_SECONDS, seconds)
                    .execute();
        }
        changed(event.queueId());
    }

    /**
     * Booked consultations count too, queued or not. A queue's own record of the same consultation
     * (keyed by the same appointment) wins, so this one never overwrites.
     */
    @EventHandler
    void on(AppointmentCompleted event) {
        Duration length = Duration.between(event.consultationStartedAt(), event.at());
        db.insertInto(QUEUE_CONSULTATION_DURATION)
                .set(QUEUE_CONSULTATION_DURATION.CONSULTATION_ID, event.appointmentId())
                .set(QUEUE_CONSULTATION_DURATION.DOCTOR_ID, event.slot().doctorId())
                .set(QUEUE_CONSULTATION_DURATION.BRANCH_ID, event.slot().branchId())
                .set(QUEUE_CONSULTATION_DURATION.FINISHED_AT, event.at())
                .set(QUEUE_CONSULTATION_DURATION.DURATION_SECONDS, seconds(length))
                .onConflict(QUEUE_CONSULTATION_DURATION.CONSULTATION_ID)
                .doNothing()
                .execute();
    }

    @ResetHandler
    void reset() {
        db.truncate(QUEUE_BOARD).execute();
        db.truncate(QUEUE_BOARD_TICKET).execute();
        db.truncate(QUEUE_CONSULTATION_DURATION).execute();
    }

    /** Moves the board to {@code version}; false when that event was applied already. */
    private boolean advance(UUID queueId, long version, Instant at) {
        return db.update(QUEUE_BOARD)
                        .set(QUEUE_BOARD.VERSION, version)
                        .set(QUEUE_BOARD.UPDATED_AT, at)
                        .where(QUEUE_BOARD.QUEUE_ID.eq(queueId), QUEUE_BOARD.VERSION.lt(version))
                        .execute()
                == 1;
    }

    private void leave(UUID queueId, UUID ticketId, Progress progress, Instant at) {
        db.update(QUEUE_BOARD_TICKET)
                .set(QUEUE_BOARD_TICKET.PROGRESS, progress.name())
                .set(QUEUE_BOARD_TICKET.LEFT_AT, at)
                .setNull(QUEUE_BOARD_TICKET.WAITING_POSITION)
                .where(ticket(queueId, ticketId))
                .execute();
    }

    private void changed(UUID queueId) {
        reposition(queueId);
        notifyChanged(queueId);
    }

    private void reposition(UUID queueId) {
        List<Waiting> waiting = db.select(
                        QUEUE_BOARD_TICKET.TICKET_ID,
                        QUEUE_BOARD_TICKET.PRIORITY,
                        QUEUE_BOARD_TICKET.EFFECTIVE_AT,
                        QUEUE_BOARD_TICKET.TICKET_NUMBER)
                .from(QUEUE_BOARD_TICKET)
                .where(QUEUE_BOARD_TICKET.QUEUE_ID.eq(queueId), QUEUE_BOARD_TICKET.PROGRESS.eq(Progress.WAITING.name()))
                .fetch(Records.mapping((ticketId, priority, effectiveAt, number) ->
                        new Waiting(ticketId, new QueueOrder.Place(Priority.valueOf(priority), effectiveAt, number))));
        List<Waiting> ordered = QueueOrder.sort(waiting, Waiting::place);
        db.update(QUEUE_BOARD_TICKET)
                .setNull(QUEUE_BOARD_TICKET.WAITING_POSITION)
                .where(
                        QUEUE_BOARD_TICKET.QUEUE_ID.eq(queueId),
                        QUEUE_BOARD_TICKET.PROGRESS.ne(Progress.WAITING.name()),
                        QUEUE_BOARD_TICKET.WAITING_POSITION.isNotNull())
                .execute();
        var updates = new java.util.ArrayList<org.jooq.Query>(ordered.size());
        for (int index = 0; index < ordered.size(); index++) {
            updates.add(db.update(QUEUE_BOARD_TICKET)
                    .set(QUEUE_BOARD_TICKET.WAITING_POSITION, index + 1)
                    .where(ticket(queueId, ordered.get(index).ticketId())));
        }
        if (!updates.isEmpty()) {
            db.batch(updates).execute();
        }
    }

    /** Delivered by PostgreSQL when the transaction commits, and not at all if it rolls back. */
    private void notifyChanged(UUID queueId) {
        db.execute("select pg_notify(?, ?)", PostgresQueueChangeListener.CHANNEL, queueId.toString());
    }

    private static org.jooq.Condition ticket(UUID queueId, UUID ticketId) {
        return QUEUE_BOARD_TICKET.QUEUE_ID.eq(queueId).and(QUEUE_BOARD_TICKET.TICKET_ID.eq(ticketId));
    }

    private static String sealed(Optional<Ciphertext> reason) {
        return reason.map(Ciphertext::value).orElse(null);
    }

    private static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, duration.toSeconds()));
    }

    /** A waiting ticket and its place in the order. */
    private record Waiting(UUID ticketId, QueueOrder.Place place) {}
}
