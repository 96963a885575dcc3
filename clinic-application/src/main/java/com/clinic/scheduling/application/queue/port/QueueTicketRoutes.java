package com.clinic.scheduling.application.queue.port;

import com.clinic.scheduling.domain.queue.QueueKey;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Write-side index: which queue a ticket (and a checked-in appointment) is in right now. Written by
 * the queue's command handlers in the command's own transaction, so a ticket can be addressed by its
 * id the moment it is issued, without waiting for any projection.
 */
public interface QueueTicketRoutes {

    /** {@code number}: the ticket's number in that queue (a transfer gives it a new one). */
    record TicketRoute(
            UUID ticketId,
            UUID queueId,
            QueueKey key,
            int number,
            Optional<UUID> patientId,
            Optional<UUID> appointmentId) {
        public TicketRoute {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(queueId, "queueId");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(appointmentId, "appointmentId");
        }
    }

    /** Records or moves (after a transfer) the ticket's route. */
    void route(TicketRoute route);

    Optional<TicketRoute> find(UUID ticketId);

    /** The route of the ticket a checked-in appointment holds, if it ever joined a queue. */
    Optional<TicketRoute> findByAppointment(UUID appointmentId);
}
