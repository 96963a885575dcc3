package com.clinic.scheduling.application.queue;

import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One ticket as its patient follows it: where they stand and how long it should take. Carries no
 * personal data, only numbers.
 *
 * @param position 1-based place among those waiting, while waiting
 * @param estimatedWait while waiting
 * @param nowServing the ticket numbers with the doctor at {@code asOf}
 */
public record TicketProgress(
        UUID ticketId,
        UUID queueId,
        QueueKey key,
        int number,
        Progress progress,
        Optional<Integer> position,
        Optional<Duration> estimatedWait,
        List<Integer> nowServing,
        Instant asOf) {}
