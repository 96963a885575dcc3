package com.clinic.scheduling.persistence.queue;

import static com.clinic.scheduling.persistence.jooq.Tables.QUEUE_TICKET_ROUTE;

import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.persistence.jooq.tables.records.QueueTicketRouteRecord;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Ticket routes, upserted in the caller's (the command's) transaction. */
@Repository
class JooqQueueTicketRoutes implements QueueTicketRoutes {

    private final DSLContext db;

    JooqQueueTicketRoutes(DSLContext db) {
        this.db = db;
    }

    @Override
    public void route(TicketRoute route) {
        db.insertInto(QUEUE_TICKET_ROUTE)
                .set(QUEUE_TICKET_ROUTE.TICKET_ID, route.ticketId())
                .set(QUEUE_TICKET_ROUTE.QUEUE_ID, route.queueId())
                .set(QUEUE_TICKET_ROUTE.DOCTOR_ID, route.key().doctorId())
                .set(QUEUE_TICKET_ROUTE.BRANCH_ID, route.key().branchId())
                .set(QUEUE_TICKET_ROUTE.QUEUE_DATE, route.key().date())
                .set(QUEUE_TICKET_ROUTE.TICKET_NUMBER, route.number())
                .set(QUEUE_TICKET_ROUTE.PATIENT_ID, route.patientId().orElse(null))
                .set(QUEUE_TICKET_ROUTE.APPOINTMENT_ID, route.appointmentId().orElse(null))
                .onConflict(QUEUE_TICKET_ROUTE.TICKET_ID)
                .doUpdate()
                .set(QUEUE_TICKET_ROUTE.QUEUE_ID, route.queueId())
                .set(QUEUE_TICKET_ROUTE.DOCTOR_ID, route.key().doctorId())
                .set(QUEUE_TICKET_ROUTE.BRANCH_ID, route.key().branchId())
                .set(QUEUE_TICKET_ROUTE.QUEUE_DATE, route.key().date())
                .set(QUEUE_TICKET_ROUTE.TICKET_NUMBER, route.number())
                .set(QUEUE_TICKET_ROUTE.ROUTED_AT, DSL.currentInstant())
                .execute();
    }

    @Override
    public Optional<TicketRoute> find(UUID ticketId) {
        return db.selectFrom(QUEUE_TICKET_ROUTE)
                .where(QUEUE_TICKET_ROUTE.TICKET_ID.eq(ticketId))
                .fetchOptional()
                .map(JooqQueueTicketRoutes::toRoute);
    }

    @Override
    public Optional<TicketRoute> findByAppointment(UUID appointmentId) {
        return db.selectFrom(QUEUE_TICKET_ROUTE)
                .where(QUEUE_TICKET_ROUTE.APPOINTMENT_ID.eq(appointmentId))
                .orderBy(QUEUE_TICKET_ROUTE.ROUTED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(JooqQueueTicketRoutes::toRoute);
    }

    private static TicketRoute toRoute(QueueTicketRouteRecord row) {
        return new TicketRoute(
                row.getTicketId(),
                row.getQueueId(),
                new QueueKey(row.getDoctorId(), row.getBranchId(), row.getQueueDate()),
                row.getTicketNumber(),
                Optional.ofNullable(row.getPatientId()),
                Optional.ofNullable(row.getAppointmentId()));
    }
}
