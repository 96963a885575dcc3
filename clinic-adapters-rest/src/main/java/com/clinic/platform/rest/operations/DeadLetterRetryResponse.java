package com.clinic.platform.rest.operations;

import com.clinic.platform.application.projection.DeadLetterRetry;

/**
 * What a retry did.
 *
 * @param sequencesRetried sequences it tried
 * @param sequencesApplied sequences whose every letter was applied to the read model and removed
 * @param remaining letters left in the group: those that failed again (with their new cause), and any
 *     parked meanwhile
 */
public record DeadLetterRetryResponse(
        String processingGroup, int sequencesRetried, int sequencesApplied, long remaining) {

    static DeadLetterRetryResponse of(DeadLetterRetry retry) {
        return new DeadLetterRetryResponse(
                retry.processingGroup(), retry.sequencesRetried(), retry.sequencesApplied(), retry.remaining());
    }
}
