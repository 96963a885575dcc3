package com.clinic.scheduling.domain.queue;

import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.Ciphertext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything that can be asked of one day's queue. Time arrives in the command ({@code at}), the
 * queue's identifier is derived from its {@link QueueKey} by the application.
 */
public sealed interface QueueCommand extends AggregateCommand {

    UUID queueId();

    Instant at();

    @Override
    default String aggregateId() {
        return queueId().toString();
    }

    /** A command that may be the first one a queue ever sees, and so carries the queue's key. */
    sealed interface Opening extends QueueCommand {
        QueueKey key();
    }

    /**
     * A walk-in gets the next ticket number. Without a patient id (not registered yet) the queue
     * keeps only the ticket: no name is ever written into the events.
     */
    record IssueWalkInTicket(
            UUID queueId, QueueKey key, UUID ticketId, Optional<UUID> patientId, UUID requestedBy, Instant at)
            implements Opening {}

    /**
     * A booked patient checked in. On time (up to {@code grace} after the appointment's start) they
     * are placed by the appointment's time; later than that they queue like a walk-in arriving now.
     * Joining twice with one appointment changes nothing, so a redelivered check-in is harmless.
     */
    record JoinBookedPatient(
            UUID queueId,
            QueueKey key,
            UUID ticketId,
            UUID appointmentId,
            UUID patientId,
            Instant appointmentStart,
            Duration grace,
            UUID requestedBy,
            Instant at)
            implements Opening {}

    /** The other half of a transfer: the ticket keeps its id, priority and place in time. */
    record AdmitTransferredTicket(
            UUID queueId, QueueKey key, TransferredTicket ticket, UUID fromQueueId, UUID requestedBy, Instant at)
            implements Opening {}

    /** Move a ticket up (or back to normal); anything above NORMAL needs a recorded, sealed reason. */
    record PrioritiseTicket(
            UUID queueId, UUID ticketId, Priority priority, Optional<Ciphertext> reason, UUID requestedBy, Instant at)
            implements QueueCommand {}

    /** Call the head of the queue into the room. */
    record CallNext(UUID queueId, UUID requestedBy, Instant at) implements QueueCommand {}

    /** Call the called patient again (they did not come yet). */
    record RecallTicket(UUID queueId, UUID ticketId, UUID requestedBy, Instant at) implements QueueCommand {}

    /** The patient is not there right now: back of their priority group, as if arriving now. */
    record SkipTicket(UUID queueId, UUID ticketId, UUID requestedBy, Instant at) implements QueueCommand {}

    /** The patient is gone: the ticket leaves the queue. */
    record MarkTicketNoShow(UUID queueId, UUID ticketId, UUID requestedBy, Instant at) implements QueueCommand {}

    /** The ticket leaves for another doctor's queue at the same branch and day. */
    record TransferTicket(UUID queueId, UUID ticketId, UUID toDoctorId, UUID toQueueId, UUID requestedBy, Instant at)
            implements QueueCommand {}

    /** The consultation begins; only one at a time when started from the queue. */
    record StartService(UUID queueId, UUID ticketId, UUID requestedBy, Instant at) implements QueueCommand {}

    /** The consultation ends; its real duration feeds everybody's estimated wait. */
    record FinishService(UUID queueId, UUID ticketId, UUID requestedBy, Instant at) implements QueueCommand {}

    /**
     * The booked patient's consultation was started from the appointment itself; the queue follows
     * and never refuses (it only ignores what it does not know or already shows).
     */
    record FollowConsultationStarted(UUID queueId, UUID appointmentId, Instant at) implements QueueCommand {}

    /** The booked patient's appointment was completed; the queue follows, as above. */
    record FollowAppointmentCompleted(UUID queueId, UUID appointmentId, Instant consultationStartedAt, Instant at)
            implements QueueCommand {}
}
