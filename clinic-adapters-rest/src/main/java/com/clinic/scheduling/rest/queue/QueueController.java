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
@RestController
@RequestMapping("/api/v1/queues")
class QueueController {

    private final QueueService queues;
    private final QueueBoards boards;

    QueueController(QueueService queues, QueueBoards boards) {
        this.queues = queues;
        this.boards = boards;
    }

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

    @PostMapping("/{doctorId}/{branchId}/call-next")
    TicketResponse callNext(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID doctorId, @PathVariable UUID branchId) {
        return TicketResponse.of(queues.callNext(actor, doctorId, branchId));
    }

    @GetMapping("/{doctorId}/{branchId}/{date}")
    BoardResponse board(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return BoardResponse.of(boards.board(actor, doctorId, branchId, date));
    }

    @GetMapping("/tickets/{ticketId}")
    TicketProgressResponse ticket(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        return TicketProgressResponse.of(boards.ticket(actor, ticketId));
    }

    @PostMapping("/tickets/{ticketId}/recall")
    ResponseEntity<Void> recall(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.recall(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tickets/{ticketId}/skip")
    ResponseEntity<Void> skip(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.skip(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tickets/{ticketId}/no-show")
    ResponseEntity<Void> noShow(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.noShow(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tickets/{ticketId}/prioritise")
    ResponseEntity<Void> prioritise(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID ticketId,
            @Valid @RequestBody PrioritiseRequest request) {
        queues.prioritise(actor, ticketId, request.priority(), Optional.ofNullable(request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tickets/{ticketId}/transfer")
    TicketResponse transfer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID ticketId,
            @Valid @RequestBody TransferRequest request) {
        return TicketResponse.of(queues.transfer(actor, ticketId, request.toDoctorId()));
    }

    @PostMapping("/tickets/{ticketId}/start")
    ResponseEntity<Void> start(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.start(actor, ticketId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tickets/{ticketId}/finish")
    ResponseEntity<Void> finish(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        queues.finish(actor, ticketId);
        return ResponseEntity.noContent().build();
    }
}
