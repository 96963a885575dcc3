package com.clinic.scheduling.application.queue;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute;
import com.clinic.scheduling.domain.appointment.AppointmentCommand;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueCommand.AdmitTransferredTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.CallNext;
import com.clinic.scheduling.domain.queue.QueueCommand.FinishService;
import com.clinic.scheduling.domain.queue.QueueCommand.IssueWalkInTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.MarkTicketNoShow;
import com.clinic.scheduling.domain.queue.QueueCommand.PrioritiseTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.RecallTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.SkipTicket;
import com.clinic.scheduling.domain.queue.QueueCommand.StartService;
import com.clinic.scheduling.domain.queue.QueueCommand.TransferTicket;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.TransferredTicket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The walk-in queue's commands, each checked against who is asking (see {@link SchedulingOperation}). A
 * queue is always today's queue in the branch's own time zone. Tickets are addressed by id through
 * the write-side route, so they can be acted on the moment they are issued.
 */
@Service
public class QueueService {

    /** Longer reasons are a sign of a misplaced clinical note; the queue needs a short justification. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(QueueService.class);

    private final Commands commands;
    private final DirectoryFacts directory;
    private final QueueTicketRoutes routes;
    private final AccessPolicy access;
    private final PersonalDataVault vault;
    private final IdGenerator ids;
    private final Clock clock;

    public QueueService(
            Commands commands,
            DirectoryFacts directory,
            QueueTicketRoutes routes,
            AccessPolicy access,
            PersonalDataVault vault,
            IdGenerator ids,
            Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.routes = routes;
        this.access = access;
        this.vault = vault;
        this.ids = ids;
        this.clock = clock;
    }

    /** A ticket in a queue, as handed out or moved. */
    public record IssuedTicket(UUID queueId, QueueKey key, UUID ticketId, int number) {}

    /**
     * A walk-in for a doctor at a branch, today. A registered patient is named by id; an unregistered
     * one gets a ticket only (nothing about them is recorded).
     */
    public IssuedTicket issueWalkIn(Actor actor, UUID doctorId, UUID branchId, Optional<UUID> patientId) {
        access.requireRole(actor, SchedulingOperation.QUEUE_ISSUE_TICKET);
        BranchFacts branch = branch(branchId);
        Instant now = clock.instant();
        QueueKey key = new QueueKey(doctorId, branchId, LocalDate.ofInstant(now, branch.zone()));
        access.require(actor, SchedulingOperation.QUEUE_ISSUE_TICKET, QueueTargets.of(key, branch));
        if (!directory.worksAt(doctorId, branchId)) {
            throw new Rejection.RuleViolated("queue.doctor-not-at-branch");
        }
        if (patientId.isPresent() && !directory.isPatientOfClinic(patientId.get(), branch.clinicId())) {
            throw new Rejection.RuleViolated("queue.patient-unknown");
        }
        UUID queueId = QueueIds.of(key);
        QueueTicketRef ticket =
                commands.request(new IssueWalkInTicket(queueId, key, ids.next(), patientId, actor.userId(), now));
        return new IssuedTicket(queueId, key, ticket.ticketId(), ticket.number());
    }

    /** The doctor calls the head of today's queue. */
    public IssuedTicket callNext(Actor actor, UUID doctorId, UUID branchId) {
        access.requireRole(actor, SchedulingOperation.QUEUE_CALL);
        BranchFacts branch = branch(branchId);
        Instant now = clock.instant();
        QueueKey key = new QueueKey(doctorId, branchId, LocalDate.ofInstant(now, branch.zone()));
        access.require(actor, SchedulingOperation.QUEUE_CALL, QueueTargets.of(key, branch));
        UUID queueId = QueueIds.of(key);
        try {
            QueueTicketRef called = commands.request(new CallNext(queueId, actor.userId(), now));
            return new IssuedTicket(queueId, key, called.ticketId(), called.number());
        } catch (AggregateNotFoundException noQueueYet) {
            throw new Rejection.Conflict("queue.nobody-waiting");
        }
    }

    public void recall(Actor actor, UUID ticketId) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_ATTEND);
        commands.request(new RecallTicket(route.queueId(), ticketId, actor.userId(), clock.instant()));
    }

    public void skip(Actor actor, UUID ticketId) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_ATTEND);
        commands.request(new SkipTicket(route.queueId(), ticketId, actor.userId(), clock.instant()));
    }

    public void noShow(Actor actor, UUID ticketId) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_ATTEND);
        commands.request(new MarkTicketNoShow(route.queueId(), ticketId, actor.userId(), clock.instant()));
    }

    /**
     * Moves a ticket up (or back to NORMAL). The reason can be health information, so it is sealed
     * with the patient's key (the ticket's own for an unregistered walk-in) before it enters an event.
     */
    public void prioritise(Actor actor, UUID ticketId, Priority priority, Optional<String> reason) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_PRIORITISE);
        Optional<String> text = reason.map(String::strip).filter(value -> !value.isEmpty());
        if (priority != Priority.NORMAL && text.isEmpty()) {
            throw new Rejection.RuleViolated("queue.priority-reason-required");
        }
        if (text.isPresent() && text.get().length() > MAX_REASON_LENGTH) {
            throw new Rejection.RuleViolated("queue.priority-reason-too-long", MAX_REASON_LENGTH);
        }
        UUID subject = reasonSubject(route);
        if (priority != Priority.NORMAL && vault.isShredded(subject)) {
            throw new Rejection.Conflict("queue.patient-erased");
        }
        Optional<Ciphertext> sealed =
                priority == Priority.NORMAL ? Optional.empty() : text.map(value -> vault.seal(subject, value));
        commands.request(
                new PrioritiseTicket(route.queueId(), ticketId, priority, sealed, actor.userId(), clock.instant()));
    }

    /** Whose key seals a ticket's priority reason: the patient's, or the ticket's own when anonymous. */
    public static UUID reasonSubject(TicketRoute route) {
        return route.patientId().orElse(route.ticketId());
    }

    /**
     * Leaves this queue for another doctor's queue at the same branch, the same day: both queues
     * change in one transaction, so the patient is never in both or in neither.
     */
    @Transactional
    public IssuedTicket transfer(Actor actor, UUID ticketId, UUID toDoctorId) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_TRANSFER);
        if (toDoctorId.equals(route.key().doctorId())) {
            throw new Rejection.RuleViolated("queue.transfer-to-same-queue");
        }
        if (!directory.worksAt(toDoctorId, route.key().branchId())) {
            throw new Rejection.RuleViolated("queue.doctor-not-at-branch");
        }
        Instant now = clock.instant();
        QueueKey target = route.key().forDoctor(toDoctorId);
        UUID targetId = QueueIds.of(target);
        TransferredTicket moving = commands.request(
                new TransferTicket(route.queueId(), ticketId, toDoctorId, targetId, actor.userId(), now));
        QueueTicketRef admitted = commands.request(
                new AdmitTransferredTicket(targetId, target, moving, route.queueId(), actor.userId(), now));
        return new IssuedTicket(targetId, target, admitted.ticketId(), admitted.number());
    }

    /** The consultation starts; a booked patient's appointment follows. */
    public void start(Actor actor, UUID ticketId) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_SERVE);
        Instant now = clock.instant();
        commands.request(new StartService(route.queueId(), ticketId, actor.userId(), now));
        route.appointmentId()
                .ifPresent(appointmentId -> followOnAppointment(
                        appointmentId, id -> new AppointmentCommand.StartConsultation(id, actor.userId(), now)));
    }

    /** The consultation ends; a booked patient's appointment follows. */
    public void finish(Actor actor, UUID ticketId) {
        TicketRoute route = authorised(actor, ticketId, SchedulingOperation.QUEUE_SERVE);
        Instant now = clock.instant();
        commands.request(new FinishService(route.queueId(), ticketId, actor.userId(), now));
        route.appointmentId()
                .ifPresent(appointmentId -> followOnAppointment(
                        appointmentId, id -> new AppointmentCommand.Complete(id, actor.userId(), now)));
    }

    /**
     * The queue is where the doctor works, the appointment is the record of the visit: keep it in
     * step. Best effort after the queue's own change committed: if the appointment was already moved
     * on from its own screen, there is nothing to do and the queue's change stands.
     */
    private void followOnAppointment(UUID appointmentId, Function<UUID, AppointmentCommand> command) {
        try {
            commands.request(command.apply(appointmentId));
        } catch (Rejection | AggregateNotFoundException alreadyMovedOn) {
            log.info(
                    "Appointment {} did not follow the queue ({}); it was moved on separately",
                    appointmentId,
                    alreadyMovedOn.getMessage());
        }
    }

    private TicketRoute authorised(Actor actor, UUID ticketId, SchedulingOperation operation) {
        access.requireRole(actor, operation);
        TicketRoute route = routes.find(ticketId).orElseThrow(() -> new Rejection.NotFound("queue.ticket-not-found"));
        access.require(
                actor,
                operation,
                QueueTargets.of(route.key(), branch(route.key().branchId())));
        return route;
    }

    private BranchFacts branch(UUID branchId) {
        return directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("queue.branch-not-found"));
    }
}
