package com.clinic.scheduling.rest.queue;

import com.clinic.scheduling.application.queue.QueueBoard;
import com.clinic.scheduling.application.queue.QueueService.IssuedTicket;
import com.clinic.scheduling.application.queue.TicketProgress;
import com.clinic.scheduling.domain.queue.Priority;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Request and response bodies of the queue API. Waits are whole seconds plus the moment they point at. */
final class QueueDtos {

    private QueueDtos() {}

    /** A walk-in; {@code patientId} when they are registered, nothing at all when not. */
    record WalkInRequest(UUID patientId) {}

    record PrioritiseRequest(@NotNull Priority priority, @Size(max = 500) String reason) {}

    record TransferRequest(@NotNull UUID toDoctorId) {}

    record TicketResponse(UUID ticketId, int number, UUID queueId, UUID doctorId, UUID branchId, LocalDate date) {
        static TicketResponse of(IssuedTicket ticket) {
            return new TicketResponse(
                    ticket.ticketId(),
                    ticket.number(),
                    ticket.queueId(),
                    ticket.key().doctorId(),
                    ticket.key().branchId(),
                    ticket.key().date());
        }
    }

    /** The staff board: everything about each active ticket, priority reasons included. */
    record BoardResponse(
            UUID queueId,
            UUID doctorId,
            UUID branchId,
            LocalDate date,
            long version,
            Instant asOf,
            long typicalConsultationSeconds,
            int measuredConsultations,
            List<BoardEntry> inService,
            List<BoardEntry> called,
            List<BoardEntry> waiting) {

        static BoardResponse of(QueueBoard board) {
            return new BoardResponse(
                    board.queueId(),
                    board.key().doctorId(),
                    board.key().branchId(),
                    board.key().date(),
                    board.version(),
                    board.asOf(),
                    board.typicalConsultation().toSeconds(),
                    board.measuredConsultations(),
                    board.inService().stream()
                            .map(entry -> BoardEntry.of(entry, board.asOf()))
                            .toList(),
                    board.called().stream()
                            .map(entry -> BoardEntry.of(entry, board.asOf()))
                            .toList(),
                    board.waiting().stream()
                            .map(entry -> BoardEntry.of(entry, board.asOf()))
                            .toList());
        }
    }

    record BoardEntry(
            UUID ticketId,
            int number,
            String progress,
            Integer position,
            Priority priority,
            String priorityReason,
            Long estimatedWaitSeconds,
            Instant estimatedCallAt,
            UUID patientId,
            UUID appointmentId,
            Instant calledAt,
            Instant serviceStartedAt,
            int recalls,
            int skips) {

        static BoardEntry of(QueueBoard.Entry entry, Instant asOf) {
            return new BoardEntry(
                    entry.ticketId(),
                    entry.number(),
                    entry.progress().name(),
                    entry.position().orElse(null),
                    entry.priority(),
                    entry.priorityReason().orElse(null),
                    seconds(entry.estimatedWait()),
                    at(asOf, entry.estimatedWait()),
                    entry.patientId().orElse(null),
                    entry.appointmentId().orElse(null),
                    entry.calledAt().orElse(null),
                    entry.serviceStartedAt().orElse(null),
                    entry.recalls(),
                    entry.skips());
        }
    }

    /** What a waiting-room screen shows: numbers only, nothing that identifies anybody. */
    record DisplayBoard(
            UUID queueId,
            LocalDate date,
            long version,
            Instant asOf,
            List<Integer> inService,
            List<Integer> called,
            List<DisplayEntry> waiting) {

        static DisplayBoard of(QueueBoard board) {
            return new DisplayBoard(
                    board.queueId(),
                    board.key().date(),
                    board.version(),
                    board.asOf(),
                    board.inService().stream().map(QueueBoard.Entry::number).toList(),
                    board.called().stream().map(QueueBoard.Entry::number).toList(),
                    board.waiting().stream()
                            .map(entry -> new DisplayEntry(
                                    entry.position().orElse(0),
                                    entry.number(),
                                    entry.priority(),
                                    seconds(entry.estimatedWait()),
                                    at(board.asOf(), entry.estimatedWait())))
                            .toList());
        }
    }

    record DisplayEntry(
            int position, int number, Priority priority, Long estimatedWaitSeconds, Instant estimatedCallAt) {}

    /** One ticket as its patient follows it. */
    record TicketProgressResponse(
            UUID ticketId,
            int number,
            String progress,
            Integer position,
            Long estimatedWaitSeconds,
            Instant estimatedCallAt,
            List<Integer> nowServing,
            UUID queueId,
            UUID doctorId,
            UUID branchId,
            LocalDate date,
            Instant asOf) {

        static TicketProgressResponse of(TicketProgress progress) {
            return new TicketProgressResponse(
                    progress.ticketId(),
                    progress.number(),
                    progress.progress().name(),
                    progress.position().orElse(null),
                    seconds(progress.estimatedWait()),
                    at(progress.asOf(), progress.estimatedWait()),
                    progress.nowServing(),
                    progress.queueId(),
                    progress.key().doctorId(),
                    progress.key().branchId(),
                    progress.key().date(),
                    progress.asOf());
        }
    }

    private static Long seconds(Optional<Duration> wait) {
        return wait.map(Duration::toSeconds).orElse(null);
    }

    private static Instant at(Instant asOf, Optional<Duration> wait) {
        return wait.map(asOf::plus).orElse(null);
    }
}
