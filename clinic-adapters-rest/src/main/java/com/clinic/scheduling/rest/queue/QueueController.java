package com.clinic.scheduling.rest.queue;

import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.queue.QueueBoards;
import com.clinic.scheduling.application.queue.QueueService;
import com.clinic.scheduling.application.queue.QueueService.IssuedTicket;
import com.clinic.scheduling.rest.queue.QueueDtos.BoardResponse;
import com.clinic.scheduling.rest.queue.QueueDtos.PrioritiseRequest;
import com.clinic.scheduling.rest.queue.QueueDtos.TicketProgressResponse;
import com.clinic.scheduling.rest.queue.QueueDtos.TicketResponse;
import com.clinic.scheduling.rest.queue.QueueDtos.TransferRequest;
import com.clinic.scheduling.rest.queue.QueueDtos.WalkInRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The walk-in queue of a doctor at a branch, always today's in the branch's time zone for commands.
 * Reception hands out tickets, prioritises and transfers; the doctor calls and sees patients; both
 * manage who is in the waiting room. Scopes (own branch, own queue, own clinic) are checked by the
 * application services.
 */
@Tag(name = "scheduling-queue")
@RestController
@RequestMapping("/api/v1/queues")
class QueueController {

    private final QueueService queues;
    private final QueueBoards boards;

    QueueController(QueueService queues, QueueBoards boards) {
        this.queues = queues;
        this.boards = boards;
    }

    @Operation(
            operationId = "issueWalkInTicket",
            summary = "Issue a walk-in ticket",
            description =
                    "Adds a walk-in to today's queue of the doctor at the branch (today in the branch's time zone), optionally for a known patient; answers with the ticket's number.")
    @PostMapping("/{doctorId}/{branchId}/tickets")
    ResponseEntity<TicketResponse> issueWalkIn(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @RequestBody(required = false) WalkInRequest request) {
        Optional<UUID> patientId = Optional.ofNullable(request).map(WalkInRequest::patientId);
        IssuedTicket ticket = queues.issueWalkIn(actor, doctorId, branchId, patientId);
        return ResponseEntity.created(URI.create("/api/v1/queues/tickets/" + ticket.ticketId()))
                .body(TicketResponse.of(ticket));
    }

    @Operation(
            operationId = "callNextTicket",
            summary = "Call the next patient",
            description = "The doctor calls the next ticket: priority tickets first, then in order of arrival.")
    @PostMapping("/{doctorId}/{branchId}/call-next")
    TicketResponse callNext(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID doctorId, @PathVariable UUID branchId) {
        return TicketResponse.of(queues.callNext(actor, doctorId, branchId));
    }

    @Operation(
            operationId = "queueBoard",
            summary = "A queue's board",
            description =
                    "The queue of the doctor at the branch on one of its local dates: tickets in order, with their state.")
    @GetMapping("/{doctorId}/{branchId}/{date}")
    BoardResponse board(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return BoardResponse.of(boards.board(actor, doctorId, branchId, date));
    }

    @Operation(
            operationId = "ticketProgress",
            summary = "A ticket's progress",
            description = "The ticket's position and estimated wait; 404 for a ticket the caller may not see.")
    @GetMapping("/tickets/{ticketId}")
    TicketProgressResponse ticket(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        return TicketProgressResponse.of(boards.ticket(actor, ticketId));
    }

    @Operation(
            operationId = "recallTicket",
            summary = "Recall a ticket",
            description = "Calls the called patient again.")
    @PostMapping("/tickets/{ticketId}/recall")
    ResponseEntity<Void> recall(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.recall(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "skipTicket",
            summary = "Skip a ticket",
            description = "Moves a called patient who is not there back into the queue.")
    @PostMapping("/tickets/{ticketId}/skip")
    ResponseEntity<Void> skip(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.skip(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "markTicketNoShow",
            summary = "Mark a ticket as no-show",
            description = "Takes a called patient who did not come out of the queue.")
    @PostMapping("/tickets/{ticketId}/no-show")
    ResponseEntity<Void> noShow(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.noShow(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "prioritiseTicket",
            summary = "Prioritise a ticket",
            description = "Moves a ticket ahead (urgent, elderly …) with a reason.")
    @PostMapping("/tickets/{ticketId}/prioritise")
    ResponseEntity<Void> prioritise(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID ticketId,
            @Valid @RequestBody PrioritiseRequest request) {
        queues.prioritise(actor, ticketId, request.priority(), Optional.ofNullable(request.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "transferTicket",
            summary = "Transfer a ticket",
            description =
                    "Moves a waiting ticket to another doctor's queue at the same branch; answers with the new ticket.")
    @PostMapping("/tickets/{ticketId}/transfer")
    TicketResponse transfer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID ticketId,
            @Valid @RequestBody TransferRequest request) {
        return TicketResponse.of(queues.transfer(actor, ticketId, request.toDoctorId()));
    }

    @Operation(
            operationId = "startTicket",
            summary = "Start seeing a ticket",
            description = "The doctor starts seeing the called patient.")
    @PostMapping("/tickets/{ticketId}/start")
    ResponseEntity<Void> start(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.start(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "finishTicket",
            summary = "Finish a ticket",
            description = "The doctor has finished with the patient.")
    @PostMapping("/tickets/{ticketId}/finish")
    ResponseEntity<Void> finish(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.finish(actor, ticketId);
        return ResponseEntity.noContent().build();
    }
}
