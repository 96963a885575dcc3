package com.clinic.scheduling.application.queue;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute;
import com.clinic.scheduling.domain.queue.DailyQueueDecider;
import com.clinic.scheduling.domain.queue.QueueCommand;
import com.clinic.scheduling.domain.queue.QueueCommand.AdmitTransferredTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.CallNext;
import com.clinic.scheduling.domain.queue.QueueCommand.FinishService;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowAppointmentCompleted;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowConsultationStarted;
import com.clinic.scheduling.domain.queue.QueueCommand.IssueWalkInTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.JoinBookedPatient;
import com.clinic.scheduling.domain.queue.QueueCommand.MarkTicketNoShow;
import com.clinic.scheduling.domain.queue.QueueCommand.PrioritiseTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.RecallTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.SkipTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.StartService;
import com.clinic.scheduling.domain.queue.QueueCommand.TransferTicket;
import com.clinic.scheduling.domain.queue.QueueEvent;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.QueueState;
import com.clinic.scheduling.domain.queue.QueueState.Open;
import com.clinic.scheduling.domain.queue.QueueState.Ticket;
import com.clinic.scheduling.domain.queue.TicketStatus;
import com.clinic.scheduling.domain.queue.TransferredTicket;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Event-sourced day queue of one doctor at one branch; the decider judges every command.
 *
 * <p>Three things beyond "call decide": a queue is created by whichever joining command reaches it
 * first ({@code CREATE_IF_MISSING}); joining handlers record the ticket's route in the same
 * transaction as the event, so the ticket is addressable at once; and a few handlers answer with
 * what the caller needs next (the ticket number, the called ticket, what travels on a transfer),
 * read from the state the new events produced.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class DailyQueueAggregate extends DeciderAggregate<QueueCommand, QueueEvent, QueueState> {

    private static final DailyQueueDecider DECIDER = new DailyQueueDecider();

    protected DailyQueueAggregate() {}

    @Override
    protected Decider<QueueCommand, QueueEvent, QueueState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    QueueTicketRef handle(IssueWalkInTicket command, QueueTicketRoutes routes) {
        decide(command);
        return routed(command.queueId(), command.key(), command.ticketId(), routes);
    }

    /** Answers the patient's active ticket, or nothing when the appointment was already seen or moved on. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    QueueTicketRef handle(JoinBookedPatient command, QueueTicketRoutes routes) {
        decide(command);
        return open().ticketOfAppointment(command.appointmentId())
                .map(ticket -> routed(command.queueId(), command.key(), ticket.ticketId(), routes))
                .orElse(null);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    QueueTicketRef handle(AdmitTransferredTicket command, QueueTicketRoutes routes) {
        decide(command);
        return routed(command.queueId(), command.key(), command.ticket().ticketId(), routes);
    }

    @CommandHandler
    void handle(PrioritiseTicket command) {
        decide(command);
    }

    /** Answers the ticket that was called. */
    @CommandHandler
    QueueTicketRef handle(CallNext command) {
        decide(command);
        Ticket called = open().called().orElseThrow();
        return new QueueTicketRef(called.ticketId(), called.number());
    }

    @CommandHandler
    void handle(RecallTicket command) {
        decide(command);
    }

    @CommandHandler
    void handle(SkipTicket command) {
        decide(command);
    }

    @CommandHandler
    void handle(MarkTicketNoShow command) {
        decide(command);
    }

    /** Answers what travels with the patient, for the other queue's admission in the same transaction. */
    @CommandHandler
    TransferredTicket handle(TransferTicket command) {
        Optional<TransferredTicket> leaving = state() instanceof Open open
                ? open.ticket(command.ticketId())
                        .filter(ticket -> ticket.status() != TicketStatus.IN_SERVICE)
                        .map(Ticket::transferable)
                : Optional.empty();
        decide(command);
        return leaving.orElseThrow();
    }

    @CommandHandler
    void handle(StartService command) {
        decide(command);
    }

    @CommandHandler
    void handle(FinishService command) {
        decide(command);
    }

    @CommandHandler
    void handle(FollowConsultationStarted command) {
        decide(command);
    }

    @CommandHandler
    void handle(FollowAppointmentCompleted command) {
        decide(command);
    }

    private Open open() {
        return (Open) state();
    }

    private QueueTicketRef routed(UUID queueId, QueueKey key, UUID ticketId, QueueTicketRoutes routes) {
        Ticket ticket = open().ticket(ticketId).orElseThrow();
        routes.route(
                new TicketRoute(ticketId, queueId, key, ticket.number(), ticket.patientId(), ticket.appointmentId()));
        return new QueueTicketRef(ticketId, ticket.number());
    }
}
