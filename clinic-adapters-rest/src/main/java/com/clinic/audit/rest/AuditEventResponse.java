package com.clinic.audit.rest;

import com.clinic.audit.application.AuditEvent;
import com.clinic.audit.application.AuditMetadata;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One stored event. {@code payload} is the stored JSON (personal data in it is ciphertext);
 * {@code aggregateType} and {@code aggregateAlias} are null for events no aggregate published.
 */
public record AuditEventResponse(
        long globalIndex,
        long sequenceNumber,
        String eventId,
        String eventType,
        String payloadType,
        String aggregateType,
        String aggregateAlias,
        String aggregateId,
        Instant timestamp,
        Metadata metadata,
        // Already JSON (checked when read): written into the answer as it is, not as a string.
        @JsonRawValue String payload) {

    /** Who caused the event, in which request; absent entries are null. */
    public record Metadata(
            String userId,
            String role,
            String correlationId,
            String requestId,
            String clientAddress,
            String traceId,
            String causationId) {

        static Metadata of(AuditMetadata metadata) {
            return new Metadata(
                    metadata.userId().orElse(null),
                    metadata.role().orElse(null),
                    metadata.correlationId().orElse(null),
                    metadata.requestId().orElse(null),
                    metadata.clientAddress().orElse(null),
                    metadata.traceId().orElse(null),
                    metadata.causationId().orElse(null));
        }
    }

    static AuditEventResponse of(AuditEvent event) {
        return new AuditEventResponse(
                event.globalIndex(),
                event.sequenceNumber(),
                event.eventId(),
                event.eventType(),
                event.payloadType(),
                event.aggregateType().orElse(null),
                event.aggregateAlias().orElse(null),
                event.aggregateId(),
                event.timestamp(),
                Metadata.of(event.metadata()),
                event.payloadJson());
    }
}
