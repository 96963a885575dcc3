package com.clinic.audit.application;

import java.util.Optional;

/**
 * Who caused an event and in which request, as stamped on the command and copied onto its events.
 * {@code traceId} (the first command of the chain) and {@code causationId} (the message that directly
 * caused this one) are added by Axon. Every entry is optional: events appended outside an HTTP request (jobs, replays, tests) carry fewer.
 */
public record AuditMetadata(
        Optional<String> userId,
        Optional<String> role,
        Optional<String> correlationId,
        Optional<String> requestId,
        Optional<String> clientAddress,
        Optional<String> traceId,
        Optional<String> causationId) {

    public static AuditMetadata none() {
        return new AuditMetadata(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
