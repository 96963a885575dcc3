package com.clinic.platform.application.projection;

import com.clinic.platform.domain.Actor;
import java.util.Optional;

/**
 * Events that a projection failed to apply, kept per processing group instead of being skipped, and
 * retried once whatever made them fail is fixed (ADR 0016).
 *
 * <p>Letters are kept in sequences, one per aggregate: once an event of an aggregate is dead-lettered,
 * every later event of that aggregate for the same projection is parked behind it, so the read model
 * never applies them out of order. A retry applies a sequence from its first letter and stops at the
 * first one that fails again, which stays with its new cause and one more retry counted.
 */
public interface DeadLetters {

    /**
     * The dead letters of every projection, or of one processing group, oldest sequence first.
     *
     * @param limit how many letters at most to list; the counts always cover all of them
     * @throws com.clinic.platform.domain.Rejection.NotFound when no projection has that processing group
     */
    DeadLettersStatus list(Optional<String> processingGroup, int limit);

    /**
     * Retries every sequence of a processing group, each in its own transaction.
     *
     * @throws com.clinic.platform.domain.Rejection.NotFound when no projection has that processing group
     * @throws com.clinic.platform.domain.Rejection.Conflict while a projection replay is in progress
     */
    DeadLetterRetry retry(Actor requestedBy, String processingGroup);

    /**
     * Retries one sequence (its identifier is the aggregate's) of a processing group.
     *
     * @throws com.clinic.platform.domain.Rejection.NotFound for an unknown group, or a sequence that has
     *     no dead letters in it
     * @throws com.clinic.platform.domain.Rejection.Conflict while a projection replay is in progress
     */
    DeadLetterRetry retrySequence(Actor requestedBy, String processingGroup, String sequenceId);
}
