package com.clinic.scheduling.domain.queue;

import com.clinic.platform.domain.Ciphertext;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A day's queue: nothing yet, or open with its active tickets. */
public sealed interface QueueState {

    record NotOpened() implements QueueState {}

    /**
     * An open queue. {@code active} holds the tickets still waiting, called or in service (in the
     * order they joined); {@code joinedAppointments} every appointment that ever joined, so that a
     * redelivered check-in cannot put a patient back after they were seen.
     */
    record Open(QueueKey key, int lastNumber, Map<UUID, Ticket> active, Set<UUID> joinedAppointments)
            implements QueueState {

        public Open {
            Objects.requireNonNull(key, "key");
            active = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(active));
            joinedAppointments = Set.copyOf(joinedAppointments);
        }

        public Optional<Ticket> ticket(UUID ticketId) {
            return Optional.ofNullable(active.get(ticketId));
        }

        public Optional<Ticket> ticketOfAppointment(UUID appointmentId) {
            return active.values().stream()
                    .filter(ticket -> ticket.appointmentId().equals(Optional.of(appointmentId)))
                    .findFirst();
        }

        public Collection<Ticket> tickets() {
            return active.values();
        }

        /** The waiting tickets in the order they will be called. */
        public List<Ticket> waitingInOrder() {
            return QueueOrder.sort(
                    active.values().stream()
                            .filter(ticket -> ticket.status() == TicketStatus.WAITING)
                            .toList(),
                    Ticket::place);
        }

        public Optional<Ticket> called() {
            return active.values().stream()
                    .filter(ticket -> ticket.status() == TicketStatus.CALLED)
                    .findFirst();
        }

        public Optional<Ticket> inService() {
            return active.values().stream()
                    .filter(ticket -> ticket.status() == TicketStatus.IN_SERVICE)
                    .findFirst();
        }

        Open with(Ticket ticket, int newLastNumber, Set<UUID> appointments) {
            Map<UUID, Ticket> tickets = new LinkedHashMap<>(active);
            tickets.put(ticket.ticketId(), ticket);
            return new Open(key, newLastNumber, tickets, appointments);
        }

        Open update(UUID ticketId, UnaryOperator<Ticket> change) {
            Map<UUID, Ticket> tickets = new LinkedHashMap<>(active);
            tickets.computeIfPresent(ticketId, (id, ticket) -> change.apply(ticket));
            return new Open(key, lastNumber, tickets, joinedAppointments);
        }

        Open without(UUID ticketId) {
            Map<UUID, Ticket> tickets = new LinkedHashMap<>(active);
            tickets.remove(ticketId);
            return new Open(key, lastNumber, tickets, joinedAppointments);
        }
    }

    /** One active ticket. */
    record Ticket(
            UUID ticketId,
            int number,
            Optional<UUID> patientId,
            Optional<UUID> appointmentId,
            Priority priority,
            Optional<Ciphertext> priorityReason,
            Instant effectiveAt,
            TicketStatus status,
            int recalls,
            int skips,
            Optional<Instant> serviceStartedAt) {

        public Ticket {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(priorityReason, "priorityReason");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(serviceStartedAt, "serviceStartedAt");
        }

        public QueueOrder.Place place() {
            return new QueueOrder.Place(priority, effectiveAt, number);
        }

        public boolean isWaitingOrCalled() {
            return status == TicketStatus.WAITING || status == TicketStatus.CALLED;
        }

        public TransferredTicket transferable() {
            return new TransferredTicket(ticketId, patientId, appointmentId, priority, priorityReason, effectiveAt);
        }

        Ticket withStatus(TicketStatus newStatus) {
            return new Ticket(
                    ticketId,
                    number,
                    patientId,
                    appointmentId,
                    priority,
                    priorityReason,
                    effectiveAt,
                    newStatus,
                    recalls,
                    skips,
                    serviceStartedAt);
        }

        Ticket withPriority(Priority newPriority, Optional<Ciphertext> reason) {
            return new Ticket(
                    ticketId,
                    number,
                    patientId,
                    appointmentId,
                    newPriority,
                    reason,
                    effectiveAt,
                    status,
                    recalls,
                    skips,
                    serviceStartedAt);
        }

        Ticket recalled(int newRecalls) {
            return new Ticket(
                    ticketId,
                    number,
                    patientId,
                    appointmentId,
                    priority,
                    priorityReason,
                    effectiveAt,
                    status,
                    newRecalls,
                    skips,
                    serviceStartedAt);
        }

        Ticket skipped(Instant newEffectiveAt, int newSkips) {
            return new Ticket(
                    ticketId,
                    number,
                    patientId,
                    appointmentId,
                    priority,
                    priorityReason,
                    newEffectiveAt,
                    TicketStatus.WAITING,
                    recalls,
                    newSkips,
                    serviceStartedAt);
        }

        Ticket inService(Instant startedAt) {
            return new Ticket(
                    ticketId,
                    number,
                    patientId,
                    appointmentId,
                    priority,
                    priorityReason,
                    effectiveAt,
                    TicketStatus.IN_SERVICE,
                    recalls,
                    skips,
                    Optional.of(startedAt));
        }
    }
}
