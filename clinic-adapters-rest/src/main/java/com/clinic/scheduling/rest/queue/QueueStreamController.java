package com.clinic.scheduling.rest.queue;

import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.queue.QueueBoards;
import com.clinic.scheduling.domain.queue.QueueKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live queue updates as Server-Sent Events: {@code board} events (the whole display board, numbers
 * only) for a waiting-room screen, {@code ticket} events (position and estimated wait) for a patient.
 * The first event comes at once; then one on every change, on whichever instance it happened, and a
 * periodic refresh. Authorised once, when the stream opens.
 */
@Tag(name = "scheduling-queue")
@RestController
@RequestMapping("/api/v1/queues")
class QueueStreamController {

    private final QueueBoards boards;
    private final QueueStreams streams;

    QueueStreamController(QueueBoards boards, QueueStreams streams) {
        this.boards = boards;
        this.streams = streams;
    }

    @Operation(
            operationId = "streamQueueBoard",
            summary = "Stream a queue's board",
            description =
                    "Server-Sent Events: a board event (the whole display board, numbers only) at once, then on every change and periodically. For a waiting-room screen. Authorised once, when the stream opens.")
    @GetMapping(path = "/{doctorId}/{branchId}/{date}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter board(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        QueueKey key = boards.authoriseBoard(actor, doctorId, branchId, date);
        return streams.watchBoard(key);
    }

    @Operation(
            operationId = "streamTicketProgress",
            summary = "Stream a ticket's progress",
            description =
                    "Server-Sent Events: a ticket event (position and estimated wait) at once, then on every change and periodically.")
    @GetMapping(path = "/tickets/{ticketId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter ticket(@AuthenticationPrincipal Actor actor, @PathVariable UUID ticketId) {
        UUID queueId = boards.authoriseTicket(actor, ticketId);
        return streams.followTicket(ticketId, queueId);
    }
}
