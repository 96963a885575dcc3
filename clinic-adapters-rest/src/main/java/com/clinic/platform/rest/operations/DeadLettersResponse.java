package com.clinic.platform.rest.operations;

import com.clinic.platform.application.projection.DeadLetteredEvent;
import com.clinic.platform.application.projection.DeadLettersStatus;
import java.time.Instant;
import java.util.List;

/**
 * Events in the projections' dead-letter queues, which their read models do not include. Absent values
 * are null.
 *
 * @param total letters in the groups asked for
 * @param truncated whether more letters exist than {@code letters} lists
 */
public record DeadLettersResponse(long total, boolean truncated, List<Group> groups, List<Letter> letters) {

    /**
     * One projection's queue.
     *
     * @param sequences aggregates whose events are parked
     */
    public record Group(String processingGroup, long deadLetters, long sequences) {}

    /**
     * One event the projection has not applied.
     *
     * @param id the letter's identifier
     * @param sequenceId what a retry of one sequence names: the aggregate's id
     * @param indexInSequence its place in the sequence: a retry applies the lowest first
     * @param eventType the event's type, e.g. {@code ClinicCreated}
     * @param aggregateSequence the event's sequence number within its aggregate
     * @param causeType the failure's class; null for a letter parked behind an earlier failed event of
     *     the same aggregate
     * @param causeMessage what failed, without stack trace, SQL or row values
     * @param retries retries of this letter that failed
     */
    public record Letter(
            String id,
            String processingGroup,
            String sequenceId,
            long indexInSequence,
            String eventType,
            String aggregateType,
            String aggregateId,
            Long aggregateSequence,
            String causeType,
            String causeMessage,
            Instant enqueuedAt,
            Instant lastTouched,
            int retries) {

        static Letter of(DeadLetteredEvent letter) {
            return new Letter(
                    letter.id(),
                    letter.processingGroup(),
                    letter.sequenceId(),
                    letter.indexInSequence(),
                    letter.eventType(),
                    letter.aggregateType().orElse(null),
                    letter.aggregateId().orElse(null),
                    letter.aggregateSequence().orElse(null),
                    letter.causeType().orElse(null),
                    letter.causeMessage().orElse(null),
                    letter.enqueuedAt(),
                    letter.lastTouched(),
                    letter.retries());
        }
    }

    static DeadLettersResponse of(DeadLettersStatus status) {
        return new DeadLettersResponse(
                status.total(),
                status.truncated(),
                status.groups().stream()
                        .map(group -> new Group(group.processingGroup(), group.deadLetters(), group.sequences()))
                        .toList(),
                status.letters().stream().map(Letter::of).toList());
    }
}
