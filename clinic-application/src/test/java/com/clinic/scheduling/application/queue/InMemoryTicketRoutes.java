package com.clinic.scheduling.application.queue;

import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Ticket routes kept in memory, for tests that run without a database. */
final class InMemoryTicketRoutes implements QueueTicketRoutes {

    private final Map<UUID, TicketRoute> routes = new LinkedHashMap<>();

    @Override
    public void route(TicketRoute route) {
        routes.put(route.ticketId(), route);
    }

    @Override
    public Optional<TicketRoute> find(UUID ticketId) {
        return Optional.ofNullable(routes.get(ticketId));
    }

    @Override
    public Optional<TicketRoute> findByAppointment(UUID appointmentId) {
        return routes.values().stream()
                .filter(route -> route.appointmentId().equals(Optional.of(appointmentId)))
                .findFirst();
    }
}
