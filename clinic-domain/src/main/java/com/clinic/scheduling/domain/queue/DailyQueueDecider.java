package com.clinic.scheduling.domain.queue;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
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
import com.clinic.scheduling.domain.queue.QueueEvent.BookedPatientJoined;
import com.clinic.scheduling.domain.queue.QueueEvent.Joined;
import com.clinic.scheduling.domain.queue.QueueEvent.QueueOpened;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceFinished;
import com.clinic.scheduling.domain.queue.QueueEvent.ServiceStarted;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketCalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketMarkedNoShow;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketPrioritised;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketRecalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketSkipped;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketTransferred;
import com.clinic.scheduling.domain.queue.QueueEvent.TransferredTicketAdmitted;
import com.clinic.scheduling.domain.queue.QueueEvent.WalkInTicketIssued;
import com.clinic.scheduling.domain.queue.QueueState.NotOpened;
import com.clinic.scheduling.domain.queue.QueueState.Open;
import com.clinic.scheduling.domain.queue.QueueState.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a doctor's walk-in queue for one day. The queue opens with whichever command reaches
 * it first (a walk-in, a check-in or a transfer); who is called next is always the head of
 * {@link QueueOrder}. Commands that follow the appointment's own lifecycle never refuse: they only
 * ignore what the queue does not know or already shows, so a redelivered event cannot fail.
 */
public final class DailyQueueDecider implements Decider<QueueCommand, QueueEvent, QueueState> {

    @Override
    public QueueState initialState() {
        return new NotOpened();
    }

    @Override
    public List<QueueEvent> decide(QueueCommand command, QueueState state) {
        return switch (command) {
            case IssueWalkInTicket issue -> issue(issue, state);
            case JoinBookedPatient join -> join(join, state);
            case AdmitTransferredTicket admit -> admit(admit, state);
            case PrioritiseTicket prioritise -> prioritise(prioritise, open(state));
            case CallNext callNext -> callNext(callNext, open(state));
            case RecallTicket recall -> recall(recall, open(state));
            case SkipTicket skip -> skip(skip, open(state));
            case MarkTicketNoShow noShow -> noShow(noShow, open(state));
            case TransferTicket transfer -> transfer(transfer, open(state));
            case StartService start -> start(start, open(state));
            case FinishService finish -> finish(finish, open(state));
            case FollowConsultationStarted follow -> followStart(follow, state);
            case FollowAppointmentCompleted follow -> followCompletion(follow, state);
        };
    }

    private static List<QueueEvent> issue(IssueWalkInTicket issue, QueueState state) {
        List<QueueEvent> events = opening(issue, state);
        Open open = openedBy(issue, state);
        requireUnknownTicket(open, issue.ticketId());
        events.add(new WalkInTicketIssued(
                issue.queueId(),
                issue.ticketId(),
                open.lastNumber() + 1,
                issue.patientId(),
                issue.requestedBy(),
                issue.at()));
        return events;
    }

    private static List<QueueEvent> join(JoinBookedPatient join, QueueState state) {
        if (join.grace().isNegative()) {
            throw new Rejection.RuleViolated("queue.grace-negative");
        }
        if (state instanceof Open open && open.joinedAppointments().contains(join.appointmentId())) {
            return List.of(); // a redelivered check-in, or a patient already seen or transferred
        }
        List<QueueEvent> events = opening(join, state);
        Open open = openedBy(join, state);
        requireUnknownTicket(open, join.ticketId());
        boolean late = join.at().isAfter(join.appointmentStart().plus(join.grace()));
        events.add(new BookedPatientJoined(
                join.queueId(),
                join.ticketId(),
                open.lastNumber() + 1,
                join.patientId(),
                join.appointmentId(),
                join.appointmentStart(),
                late ? join.at() : join.appointmentStart(),
                late,
                join.requestedBy(),
                join.at()));
        return events;
    }

    private static List<QueueEvent> admit(AdmitTransferredTicket admit, QueueState state) {
        if (admit.fromQueueId().equals(admit.queueId())) {
            throw new Rejection.RuleViolated("queue.transfer-to-same-queue");
        }
        if (state instanceof Open open && open.ticket(admit.ticket().ticketId()).isPresent()) {
            return List.of(); // already here
        }
        List<QueueEvent> events = opening(admit, state);
        Open open = openedBy(admit, state);
        events.add(new TransferredTicketAdmitted(
                admit.queueId(),
                admit.ticket(),
                open.lastNumber() + 1,
                admit.fromQueueId(),
                admit.requestedBy(),
                admit.at()));
        return events;
    }

    private static List<QueueEvent> prioritise(PrioritiseTicket prioritise, Open open) {
        Ticket ticket = waitingOrCalled(open, prioritise.ticketId());
        if (prioritise.priority() != Priority.NORMAL && prioritise.reason().isEmpty()) {
            throw new Rejection.RuleViolated("queue.priority-reason-required");
        }
        Optional<Ciphertext> reason = prioritise.priority() == Priority.NORMAL ? Optional.empty() : prioritise.reason();
        if (ticket.priority() == prioritise.priority()
                && ticket.priorityReason().equals(reason)) {
            return List.of();
        }
        return List.of(new TicketPrioritised(
                prioritise.queueId(),
                ticket.ticketId(),
                prioritise.priority(),
                reason,
                prioritise.requestedBy(),
                prioritise.at()));
    }

    private static List<QueueEvent> callNext(CallNext callNext, Open open) {
        Optional<Ticket> called = open.called();
        if (called.isPresent()) {
            throw new Rejection.Conflict("queue.call-pending", called.get().number());
        }
        List<Ticket> waiting = open.waitingInOrder();
        if (waiting.isEmpty()) {
            throw new Rejection.Conflict("queue.nobody-waiting");
        }
        Ticket head = waiting.getFirst();
        return List.of(new TicketCalled(
                callNext.queueId(), head.ticketId(), head.number(), callNext.requestedBy(), callNext.at()));
    }

    private static List<QueueEvent> recall(RecallTicket recall, Open open) {
        Ticket ticket = existing(open, recall.ticketId());
        if (ticket.status() != TicketStatus.CALLED) {
            throw new Rejection.Conflict("queue.ticket-not-called", ticket.number());
        }
        return List.of(new TicketRecalled(
                recall.queueId(),
                ticket.ticketId(),
                ticket.number(),
                ticket.recalls() + 1,
                recall.requestedBy(),
                recall.at()));
    }

    private static List<QueueEvent> skip(SkipTicket skip, Open open) {
        Ticket ticket = waitingOrCalled(open, skip.ticketId());
        Instant effectiveAt = ticket.effectiveAt().isAfter(skip.at()) ? ticket.effectiveAt() : skip.at();
        return List.of(new TicketSkipped(
                skip.queueId(), ticket.ticketId(), effectiveAt, ticket.skips() + 1, skip.requestedBy(), skip.at()));
    }

    private static List<QueueEvent> noShow(MarkTicketNoShow noShow, Open open) {
        Ticket ticket = waitingOrCalled(open, noShow.ticketId());
        return List.of(new TicketMarkedNoShow(noShow.queueId(), ticket.ticketId(), noShow.requestedBy(), noShow.at()));
    }

    private static List<QueueEvent> transfer(TransferTicket transfer, Open open) {
        Ticket ticket = waitingOrCalled(open, transfer.ticketId());
        if (transfer.toDoctorId().equals(open.key().doctorId())
                || transfer.toQueueId().equals(transfer.queueId())) {
            throw new Rejection.RuleViolated("queue.transfer-to-same-queue");
        }
        return List.of(new TicketTransferred(
                transfer.queueId(),
                ticket.transferable(),
                transfer.toDoctorId(),
                transfer.toQueueId(),
                transfer.requestedBy(),
                transfer.at()));
    }

    private static List<QueueEvent> start(StartService start, Open open) {
        Ticket ticket = existing(open, start.ticketId());
        if (ticket.status() == TicketStatus.IN_SERVICE) {
            throw new Rejection.Conflict("queue.ticket-in-service", ticket.number());
        }
        Optional<Ticket> busy = open.inService();
        if (busy.isPresent()) {
            throw new Rejection.Conflict("queue.doctor-busy", busy.get().number());
        }
        return List.of(new ServiceStarted(
                start.queueId(),
                ticket.ticketId(),
                ticket.appointmentId(),
                Optional.of(start.requestedBy()),
                start.at()));
    }

    private static List<QueueEvent> finish(FinishService finish, Open open) {
        Ticket ticket = existing(open, finish.ticketId());
        if (ticket.status() != TicketStatus.IN_SERVICE) {
            throw new Rejection.Conflict("queue.ticket-not-in-service", ticket.number());
        }
        Instant startedAt = ticket.serviceStartedAt().orElseThrow();
        if (finish.at().isBefore(startedAt)) {
            throw new Rejection.RuleViolated("queue.finish-before-start");
        }
        return List.of(new ServiceFinished(
                finish.queueId(),
                ticket.ticketId(),
                ticket.appointmentId(),
                startedAt,
                Duration.between(startedAt, finish.at()),
                Optional.of(finish.requestedBy()),
                finish.at()));
    }

    private static List<QueueEvent> followStart(FollowConsultationStarted follow, QueueState state) {
        if (!(state instanceof Open open)) {
            return List.of();
        }
        return open.ticketOfAppointment(follow.appointmentId())
                .filter(ticket -> ticket.status() != TicketStatus.IN_SERVICE)
                .<List<QueueEvent>>map(ticket -> List.of(new ServiceStarted(
                        follow.queueId(), ticket.ticketId(), ticket.appointmentId(), Optional.empty(), follow.at())))
                .orElse(List.of());
    }

    private static List<QueueEvent> followCompletion(FollowAppointmentCompleted follow, QueueState state) {
        if (!(state instanceof Open open)) {
            return List.of();
        }
        return open.ticketOfAppointment(follow.appointmentId())
                .<List<QueueEvent>>map(ticket -> {
                    Instant startedAt = ticket.serviceStartedAt().orElse(follow.consultationStartedAt());
                    Duration duration = Duration.between(startedAt, follow.at());
                    return List.of(new ServiceFinished(
                            follow.queueId(),
                            ticket.ticketId(),
                            ticket.appointmentId(),
                            startedAt,
                            duration.isNegative() ? Duration.ZERO : duration,
                            Optional.empty(),
                            follow.at()));
                })
                .orElse(List.of());
    }

    @Override
    public QueueState evolve(QueueState state, QueueEvent event) {
        if (event instanceof QueueOpened opened) {
            return new Open(opened.key(), 0, java.util.Map.of(), Set.of());
        }
        Open open = (Open) state;
        return switch (event) {
            case QueueOpened opened -> throw new IllegalStateException("handled above");
            case Joined joined -> {
                Set<UUID> appointments = new HashSet<>(open.joinedAppointments());
                joined.appointmentId().ifPresent(appointments::add);
                yield open.with(
                        new Ticket(
                                joined.ticketId(),
                                joined.number(),
                                joined.patientId(),
                                joined.appointmentId(),
                                joined.priority(),
                                joined.priorityReason(),
                                joined.effectiveAt(),
                                TicketStatus.WAITING,
                                0,
                                0,
                                Optional.empty()),
                        Math.max(open.lastNumber(), joined.number()),
                        appointments);
            }
            case TicketPrioritised prioritised ->
                open.update(
                        prioritised.ticketId(),
                        ticket -> ticket.withPriority(prioritised.priority(), prioritised.reason()));
            case TicketCalled called ->
                open.update(called.ticketId(), ticket -> ticket.withStatus(TicketStatus.CALLED));
            case TicketRecalled recalled ->
                open.update(recalled.ticketId(), ticket -> ticket.recalled(recalled.recalls()));
            case TicketSkipped skipped ->
                open.update(skipped.ticketId(), ticket -> ticket.skipped(skipped.effectiveAt(), skipped.skips()));
            case ServiceStarted started -> open.update(started.ticketId(), ticket -> ticket.inService(started.at()));
            case QueueEvent.Left left -> open.without(left.ticketId());
        };
    }

    private static Open open(QueueState state) {
        if (state instanceof Open open) {
            return open;
        }
        throw new Rejection.NotFound("queue.not-found");
    }

    /** The events that open the queue if this command is its first. */
    private static List<QueueEvent> opening(QueueCommand.Opening command, QueueState state) {
        List<QueueEvent> events = new ArrayList<>();
        switch (state) {
            case NotOpened notOpened -> events.add(new QueueOpened(command.queueId(), command.key(), command.at()));
            case Open open -> {
                if (!open.key().equals(command.key())) {
                    throw new Rejection.RuleViolated("queue.key-mismatch");
                }
            }
        }
        return events;
    }

    private static Open openedBy(QueueCommand.Opening command, QueueState state) {
        return state instanceof Open open ? open : new Open(command.key(), 0, java.util.Map.of(), Set.of());
    }

    private static void requireUnknownTicket(Open open, UUID ticketId) {
        if (open.ticket(ticketId).isPresent()) {
            throw new Rejection.Conflict("queue.ticket-exists");
        }
    }

    private static Ticket existing(Open open, UUID ticketId) {
        return open.ticket(ticketId).orElseThrow(() -> new Rejection.NotFound("queue.ticket-not-found"));
    }

    private static Ticket waitingOrCalled(Open open, UUID ticketId) {
        Ticket ticket = existing(open, ticketId);
        if (!ticket.isWaitingOrCalled()) {
            throw new Rejection.Conflict("queue.ticket-in-service", ticket.number());
        }
        return ticket;
    }
}
