package com.clinic.platform.application.projection;

import java.time.Instant;
import java.util.Optional;

/**
 * One event a projection has not applied.
 *
 * @param id the letter's identifier in the queue
 * @param sequenceId the sequence it waits in: the aggregate's identifier
 * @param indexInSequence its place in that sequence: the lowest is retried first
 * @param eventType the event's simple type name
 * @param aggregateSequence the event's sequence number within its aggregate
 * @param causeType the class of the failure; empty for a letter parked only because an earlier event of
 *     its aggregate failed
 * @param causeMessage a short description of the failure without stack trace, SQL or row values
 * @param enqueuedAt when it was dead-lettered
 * @param lastTouched when it was enqueued or last retried
 * @param retries how many retries of it have failed
 */
public record DeadLetteredEvent(
        String id,
        String processingGroup,
        String sequenceId,
        long indexInSequence,
        String eventType,
        Optional<String> aggregateType,
        Optional<String> aggregateId,
        Optional<Long> aggregateSequence,
        Optional<String> causeType,
        Optional<String> causeMessage,
        Instant enqueuedAt,
        Instant lastTouched,
        int retries) {}
