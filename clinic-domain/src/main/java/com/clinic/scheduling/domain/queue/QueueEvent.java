package com.clinic.scheduling.domain.queue;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.DomainEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened in one day's queue. Events carry ids and ticket numbers only; a priority reason
 * (possibly health information) is sealed with the patient's key, or the ticket's for anonymous walk-ins.
 */
public sealed interface QueueEvent extends DomainEvent {

    UUID queueId();

    Instant at();

    @Override
    default String aggregateId() {
        return queueId().toString();
    }

    /** A ticket that joined the queue, whichever way it came in. */
    sealed interface Joined extends QueueEvent {
        UUID ticketId();

        int number();

        Optional<UUID> patientId();

        Optional<UUID> appointmentId();

        Priority priority();

        Optional<Ciphertext> priorityReason();

        /** The time the ticket is ordered by (after priority). */
        Instant effectiveAt();
    }

    /** A ticket that left the queue, whichever way it went. */
    sealed interface Left extends QueueEvent {
        UUID ticketId();
    }

    record QueueOpened(UUID queueId, QueueKey key, Instant at) implements QueueEvent {}

    record WalkInTicketIssued(
            UUID queueId, UUID ticketId, int number, Optional<UUID> patientId, UUID issuedBy, Instant at)
            implements Joined {
        @Override
        public Optional<UUID> appointmentId() {
            return Optional.empty();
        }

        @Override
        public Priority priority() {
            return Priority.NORMAL;
        }

        @Override
        public Optional<Ciphertext> priorityReason() {
            return Optional.empty();
        }

        @Override
        public Instant effectiveAt() {
            return at;
        }
    }

    /** {@code late}: arrived after the grace window, so ordered by arrival instead of appointment time. */
    record BookedPatientJoined(
            UUID queueId,
            UUID ticketId,
            int number,
            UUID bookedPatientId,
            UUID bookedAppointmentId,
            Instant appointmentStart,
            Instant effectiveAt,
            boolean late,
            UUID joinedBy,
            Instant at)
            implements Joined {
        @Override
        public Optional<UUID> patientId() {
            return Optional.of(bookedPatientId);
        }

        @Override
        public Optional<UUID> appointmentId() {
            return Optional.of(bookedAppointmentId);
        }

        @Override
        public Priority priority() {
            return Priority.NORMAL;
        }

        @Override
        public Optional<Ciphertext> priorityReason() {
            return Optional.empty();
        }
    }

    record TransferredTicketAdmitted(
            UUID queueId, TransferredTicket ticket, int number, UUID fromQueueId, UUID admittedBy, Instant at)
            implements Joined {
        @Override
        public UUID ticketId() {
            return ticket.ticketId();
        }

        @Override
        public Optional<UUID> patientId() {
            return ticket.patientId();
        }

        @Override
        public Optional<UUID> appointmentId() {
            return ticket.appointmentId();
        }

        @Override
        public Priority priority() {
            return ticket.priority();
        }

        @Override
        public Optional<Ciphertext> priorityReason() {
            return ticket.priorityReason();
        }

        @Override
        public Instant effectiveAt() {
            return ticket.effectiveAt();
        }
    }

    record TicketPrioritised(
            UUID queueId, UUID ticketId, Priority priority, Optional<Ciphertext> reason, UUID prioritisedBy, Instant at)
            implements QueueEvent {}

    record TicketCalled(UUID queueId, UUID ticketId, int number, UUID calledBy, Instant at) implements QueueEvent {}

    record TicketRecalled(UUID queueId, UUID ticketId, int number, int recalls, UUID recalledBy, Instant at)
            implements QueueEvent {}

    /** Back to waiting, ordered from {@code effectiveAt} (arrival "now") within the same priority. */
    record TicketSkipped(UUID queueId, UUID ticketId, Instant effectiveAt, int skips, UUID skippedBy, Instant at)
            implements QueueEvent {}

    record TicketMarkedNoShow(UUID queueId, UUID ticketId, UUID markedBy, Instant at) implements Left {}

    record TicketTransferred(
            UUID queueId, TransferredTicket ticket, UUID toDoctorId, UUID toQueueId, UUID transferredBy, Instant at)
            implements Left {
        @Override
        public UUID ticketId() {
            return ticket.ticketId();
        }
    }

    /** {@code startedBy} is empty when the queue followed a consultation started on the appointment. */
    record ServiceStarted(
            UUID queueId, UUID ticketId, Optional<UUID> appointmentId, Optional<UUID> startedBy, Instant at)
            implements QueueEvent {}

    /** The real consultation length, the input of every estimated wait. */
    record ServiceFinished(
            UUID queueId,
            UUID ticketId,
            Optional<UUID> appointmentId,
            Instant startedAt,
            Duration duration,
            Optional<UUID> finishedBy,
            Instant at)
            implements Left {}
}
