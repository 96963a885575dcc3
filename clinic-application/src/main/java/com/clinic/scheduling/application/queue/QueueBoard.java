package com.clinic.scheduling.application.queue;

import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A queue as staff and displays see it at {@code asOf}: who is with the doctor, who was called, and
 * who waits, in order, each with an estimated wait from the doctor's recent real consultations.
 *
 * @param version the queue's event sequence the board reflects; -1 for a queue nobody joined yet
 * @param typicalConsultation the consultation length the estimates assume
 * @param measuredConsultations how many real consultations that figure comes from (0: the planned length)
 */
public record QueueBoard(
        UUID queueId,
        QueueKey key,
        long version,
        Instant asOf,
        Duration typicalConsultation,
        int measuredConsultations,
        List<Entry> inService,
        List<Entry> called,
        List<Entry> waiting) {

    /**
     * One active ticket. {@code position} (1-based) and {@code estimatedWait} only while waiting;
     * {@code priorityReason} only on the staff board, never on a public display.
     */
    public record Entry(
            UUID ticketId,
            int number,
            Progress progress,
            Optional<Integer> position,
            Priority priority,
            Optional<String> priorityReason,
            Optional<Duration> estimatedWait,
            Optional<UUID> patientId,
            Optional<UUID> appointmentId,
            Instant effectiveAt,
            Optional<Instant> calledAt,
            Optional<Instant> serviceStartedAt,
            int recalls,
            int skips) {}

    public Optional<Entry> find(UUID ticketId) {
        return java.util.stream.Stream.of(inService, called, waiting)
                .flatMap(List::stream)
                .filter(entry -> entry.ticketId().equals(ticketId))
                .findFirst();
    }
}
