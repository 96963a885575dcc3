package com.clinic.scheduling.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqQueueTicketRoutesTest {

    private final JooqQueueTicketRoutes routes;
    private final QueueKey key = new QueueKey(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 7, 1));

    JooqQueueTicketRoutesTest(DSLContext db) {
        this.routes = new JooqQueueTicketRoutes(db);
    }

    @Test
    void aRoutedTicketIsFoundByItsIdAndByItsAppointment() {
        UUID appointment = UUID.randomUUID();
        TicketRoute route = new TicketRoute(
                UUID.randomUUID(), UUID.randomUUID(), key, 7, Optional.of(UUID.randomUUID()), Optional.of(appointment));

        routes.route(route);

        assertThat(routes.find(route.ticketId())).contains(route);
        assertThat(routes.findByAppointment(appointment)).contains(route);
        assertThat(routes.find(UUID.randomUUID())).isEmpty();
        assertThat(routes.findByAppointment(UUID.randomUUID())).isEmpty();
    }

    @Test
    void reRoutingATicketMovesItToTheNewQueueAndKeepsWhoseTicketItIs() {
        UUID patient = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        routes.route(new TicketRoute(ticket, UUID.randomUUID(), key, 3, Optional.of(patient), Optional.empty()));
        UUID otherQueue = UUID.randomUUID();
        QueueKey otherDoctor = key.forDoctor(UUID.randomUUID());

        routes.route(new TicketRoute(ticket, otherQueue, otherDoctor, 1, Optional.empty(), Optional.empty()));

        assertThat(routes.find(ticket))
                .contains(new TicketRoute(ticket, otherQueue, otherDoctor, 1, Optional.of(patient), Optional.empty()));
    }

    @Test
    void anAppointmentsLatestRoutedTicketIsTheOneFound() {
        UUID appointment = UUID.randomUUID();
        TicketRoute first = new TicketRoute(
                UUID.randomUUID(), UUID.randomUUID(), key, 1, Optional.empty(), Optional.of(appointment));
        TicketRoute second = new TicketRoute(
                UUID.randomUUID(),
                UUID.randomUUID(),
                key.forDoctor(UUID.randomUUID()),
                4,
                Optional.empty(),
                Optional.of(appointment));
        routes.route(first);
        routes.route(second);

        assertThat(routes.findByAppointment(appointment)).contains(second);

        routes.route(first);

        assertThat(routes.findByAppointment(appointment)).contains(first);
    }
}
