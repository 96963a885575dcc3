package com.clinic.platform.application.projection;

/**
 * What a retry did.
 *
 * @param sequencesRetried sequences it tried
 * @param sequencesApplied sequences whose every letter was applied and removed
 * @param remaining dead letters left in the group afterwards (those that failed again, and any parked
 *     meanwhile)
 */
public record DeadLetterRetry(String processingGroup, int sequencesRetried, int sequencesApplied, long remaining) {}
