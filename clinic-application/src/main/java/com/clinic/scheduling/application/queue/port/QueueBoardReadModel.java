package com.clinic.scheduling.application.queue.port;

import com.clinic.platform.domain.Ciphertext;
import com.clinic.scheduling.domain.queue.Priority;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The queue board read model: tickets as projected from the queue's events, and real consultation lengths. */
public interface QueueBoardReadModel {

    /** A ticket's progress; the last three mean it has left the queue. */
    enum Progress {
        WAITING,
        CALLED,
        IN_SERVICE,
        FINISHED,
        NO_SHOW,
        TRANSFERRED;

        public boolean isActive() {
            return this == WAITING || this == CALLED || this == IN_SERVICE;
        }
    }

    record TicketRow(
            UUID queueId,
            UUID ticketId,
            int number,
            Optional<UUID> patientId,
            Optional<UUID> appointmentId,
            Priority priority,
            Optional<Ciphertext> priorityReason,
            Progress progress,
            Optional<Integer> position,
            Instant effectiveAt,
            Instant joinedAt,
            Optional<Instant> calledAt,
            int recalls,
            int skips,
            Optional<Instant> serviceStartedAt,
            Optional<Instant> leftAt) {}

    /** A queue and its active tickets: in service, called, then waiting by position. */
    record BoardRows(UUID queueId, QueueKey key, long version, int lastNumber, List<TicketRow> active) {}

    Optional<BoardRows> board(UUID queueId);

    /** The ticket's row in the queue it is in now (or, once it left, the last one it was in). */
    Optional<TicketRow> ticket(UUID ticketId);

    /** The doctor's most recent real consultation lengths, newest first. */
    List<Duration> recentDurations(UUID doctorId, Instant since, int limit);
}
