package com.clinic.scheduling.application.queue;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.BoardRows;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.TicketRow;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes.TicketRoute;
import com.clinic.scheduling.domain.queue.QueueEstimates;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.domain.queue.QueueOrder;
import com.clinic.scheduling.domain.queue.WaitEstimator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Boards and ticket progress, with estimated waits computed when asked (they depend on the time,
 * not only on events): the doctor's recent real consultation lengths in, {@link QueueEstimates} out.
 */
@Service
public class QueueBoards {

    private final QueueBoardReadModel readModel;
    private final DirectoryFacts directory;
    private final QueueTicketRoutes routes;
    private final AccessPolicy access;
    private final PersonalDataVault vault;
    private final QueueSettings settings;
    private final Clock clock;

    public QueueBoards(
            QueueBoardReadModel readModel,
            DirectoryFacts directory,
            QueueTicketRoutes routes,
            AccessPolicy access,
            PersonalDataVault vault,
            QueueSettings settings,
            Clock clock) {
        this.readModel = readModel;
        this.directory = directory;
        this.routes = routes;
        this.access = access;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    /** The staff board of a doctor's queue on a day (empty when nobody joined it yet), with priority reasons. */
    public QueueBoard board(Actor actor, UUID doctorId, UUID branchId, LocalDate date) {
        QueueKey key = authoriseBoard(actor, doctorId, branchId, date);
        return snapshot(key, true);
    }

    /** Checks that the actor may watch the board; answers the queue it is. */
    public QueueKey authoriseBoard(Actor actor, UUID doctorId, UUID branchId, LocalDate date) {
        access.requireRole(actor, SchedulingOperation.QUEUE_VIEW);
        QueueKey key = new QueueKey(doctorId, branchId, date);
        access.require(actor, SchedulingOperation.QUEUE_VIEW, QueueTargets.of(key, branch(branchId)));
        return key;
    }

    /** Checks that the actor may follow the ticket; answers the queue it is in now. */
    public UUID authoriseTicket(Actor actor, UUID ticketId) {
        access.requireRole(actor, SchedulingOperation.QUEUE_VIEW_TICKET);
        TicketRoute route = routes.find(ticketId).orElseThrow(() -> new Rejection.NotFound("queue.ticket-not-found"));
        Target ticket = QueueTargets.of(route.key(), branch(route.key().branchId()));
        access.require(
                actor,
                SchedulingOperation.QUEUE_VIEW_TICKET,
                route.patientId().map(ticket::ofPatient).orElse(ticket));
        return route.queueId();
    }

    public TicketProgress ticket(Actor actor, UUID ticketId) {
        authoriseTicket(actor, ticketId);
        return progress(ticketId).orElseThrow(() -> new Rejection.NotFound("queue.ticket-not-found"));
    }

    /** The board for a display: no priority reasons. For pushing to already authorised subscribers. */
    public QueueBoard displaySnapshot(QueueKey key) {
        return snapshot(key, false);
    }

    /**
     * A ticket's progress, for pushing to an already authorised subscriber. The board follows the
     * commands by moments; while it has not caught up with a ticket just issued or transferred, the
     * ticket's route (written with the command) answers: waiting in its new queue, place not yet known.
     */
    public Optional<TicketProgress> progress(UUID ticketId) {
        Optional<TicketRoute> route = routes.find(ticketId);
        Optional<TicketRow> row = readModel.ticket(ticketId);
        boolean boardBehind = route.isPresent()
                && row.map(ticket -> !ticket.queueId().equals(route.get().queueId()))
                        .orElse(true);
        if (boardBehind) {
            return Optional.of(provisional(route.get()));
        }
        return row.flatMap(
                ticket -> readModel.board(ticket.queueId()).map(rows -> progressOn(assemble(rows, false), ticket)));
    }

    private TicketProgress provisional(TicketRoute route) {
        return new TicketProgress(
                route.ticketId(),
                route.queueId(),
                route.key(),
                route.number(),
                Progress.WAITING,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                clock.instant());
    }

    /** A ticket's progress on a board already assembled (one board serves every follower of a queue). */
    public static Optional<TicketProgress> onBoard(QueueBoard board, UUID ticketId) {
        return board.find(ticketId)
                .map(entry -> new TicketProgress(
                        entry.ticketId(),
                        board.queueId(),
                        board.key(),
                        entry.number(),
                        entry.progress(),
                        entry.position(),
                        entry.estimatedWait(),
                        nowServing(board),
                        board.asOf()));
    }

    private static TicketProgress progressOn(QueueBoard board, TicketRow row) {
        return onBoard(board, row.ticketId())
                .orElseGet(() -> new TicketProgress(
                        row.ticketId(),
                        row.queueId(),
                        board.key(),
                        row.number(),
                        row.progress(),
                        Optional.empty(),
                        Optional.empty(),
                        nowServing(board),
                        board.asOf()));
    }

    private static List<Integer> nowServing(QueueBoard board) {
        return board.inService().stream().map(QueueBoard.Entry::number).toList();
    }

    private QueueBoard snapshot(QueueKey key, boolean withReasons) {
        UUID queueId = QueueIds.of(key);
        return readModel.board(queueId).map(rows -> assemble(rows, withReasons)).orElseGet(() -> empty(queueId, key));
    }

    private QueueBoard empty(UUID queueId, QueueKey key) {
        Instant now = clock.instant();
        List<Duration> recent = recent(key, now);
        return new QueueBoard(
                queueId,
                key,
                -1,
                now,
                WaitEstimator.typicalConsultation(recent, settings.plannedConsultation()),
                measured(recent),
                List.of(),
                List.of(),
                List.of());
    }

    private QueueBoard assemble(BoardRows rows, boolean withReasons) {
        Instant now = clock.instant();
        List<Duration> recent = recent(rows.key(), now);
        List<TicketRow> inService = rows.active().stream()
                .filter(row -> row.progress() == Progress.IN_SERVICE)
                .toList();
        List<TicketRow> called = rows.active().stream()
                .filter(row -> row.progress() == Progress.CALLED)
                .toList();
        List<TicketRow> waiting = QueueOrder.sort(
                rows.active().stream()
                        .filter(row -> row.progress() == Progress.WAITING)
                        .toList(),
                row -> new QueueOrder.Place(row.priority(), row.effectiveAt(), row.number()));
        Optional<Instant> serviceSince = inService.stream()
                .flatMap(row -> row.serviceStartedAt().stream())
                .min(Instant::compareTo);
        List<Duration> waits = QueueEstimates.waits(
                recent, settings.plannedConsultation(), called.size(), waiting.size(), serviceSince, now);
        List<QueueBoard.Entry> waitingEntries = new ArrayList<>(waiting.size());
        for (int index = 0; index < waiting.size(); index++) {
            waitingEntries.add(
                    entry(waiting.get(index), Optional.of(index + 1), Optional.of(waits.get(index)), withReasons));
        }
        return new QueueBoard(
                rows.queueId(),
                rows.key(),
                rows.version(),
                now,
                WaitEstimator.typicalConsultation(recent, settings.plannedConsultation()),
                measured(recent),
                inService.stream()
                        .map(row -> entry(row, Optional.empty(), Optional.empty(), withReasons))
                        .toList(),
                called.stream()
                        .map(row -> entry(row, Optional.empty(), Optional.empty(), withReasons))
                        .toList(),
                List.copyOf(waitingEntries));
    }

    private QueueBoard.Entry entry(
            TicketRow row, Optional<Integer> position, Optional<Duration> wait, boolean withReasons) {
        UUID subject = row.patientId().orElse(row.ticketId());
        Optional<String> reason = withReasons
                ? row.priorityReason().flatMap(ciphertext -> vault.open(subject, ciphertext))
                : Optional.empty();
        return new QueueBoard.Entry(
                row.ticketId(),
                row.number(),
                row.progress(),
                position,
                row.priority(),
                reason,
                wait,
                row.patientId(),
                row.appointmentId(),
                row.effectiveAt(),
                row.calledAt(),
                row.serviceStartedAt(),
                row.recalls(),
                row.skips());
    }

    private List<Duration> recent(QueueKey key, Instant now) {
        return readModel.recentDurations(key.doctorId(), now.minus(settings.historyWindow()), settings.historySize());
    }

    private static int measured(List<Duration> recent) {
        return recent.size() < WaitEstimator.MIN_HISTORY ? 0 : recent.size();
    }

    private BranchFacts branch(UUID branchId) {
        return directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("queue.branch-not-found"));
    }
}
