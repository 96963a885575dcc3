package com.clinic.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * What scheduling tells other contexts about a walk-in queue's ticket, published like {@link
 * AppointmentChanged}: by scheduling's facts processor after the command committed, synchronously
 * to listeners inside the processor's transaction, at least once and in the queue's order.
 *
 * <p>One stored event can report two tickets (a call: {@link Called} for the called ticket, {@link
 * YouAreNext} for the one now first in line), so a fact is identified by {@code eventId} together
 * with its type, not by {@code eventId} alone. Tickets of walk-ins who are not registered have no
 * {@code patientId}; their facts are published all the same. {@code doctorId} is the queue's doctor
 * (every queue has one today). {@code zone} is the branch's.
 */
public sealed interface QueueTicketChanged {

    /** The identifier of the stored event this fact follows from (Axon's event message identifier). */
    UUID eventId();

    UUID queueId();

    UUID ticketId();

    /** The number on the ticket (and the board). */
    int number();

    Optional<UUID> patientId();

    UUID branchId();

    Optional<UUID> doctorId();

    /** The branch's zone. */
    ZoneId zone();

    /** When it happened. */
    Instant at();

    /**
     * The ticket is now the first waiting one: it is called next. Reported whenever the head of the
     * waiting line changes to another ticket, whatever changed it (a call, a skip, a no-show, a
     * transfer away, a priority change, a ticket joining ahead, or the first ticket of an empty line).
     */
    record YouAreNext(
            UUID eventId,
            UUID queueId,
            UUID ticketId,
            int number,
            Optional<UUID> patientId,
            UUID branchId,
            Optional<UUID> doctorId,
            ZoneId zone,
            Instant at)
            implements QueueTicketChanged {}

    /** The ticket is called into the doctor's room ("your turn"); reported again on every recall. */
    record Called(
            UUID eventId,
            UUID queueId,
            UUID ticketId,
            int number,
            Optional<UUID> patientId,
            UUID branchId,
            Optional<UUID> doctorId,
            ZoneId zone,
            Instant at)
            implements QueueTicketChanged {}
}
