package com.clinic.audit.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored event as an auditor sees it. The payload is the stored JSON as is: personal data
 * inside it is ciphertext, which is what an auditor may see.
 *
 * @param eventType the payload class's simple name, for example {@code PatientRegistered}
 * @param payloadType the payload class's full name as stored
 * @param aggregateType the aggregate's type as stored (for example {@code PatientAggregate}); empty for
 *     events not published by an aggregate
 * @param aggregateAlias the lower-case alias of the type (for example {@code patient}), see {@link AggregateTypes}
 * @param payloadJson the stored payload as JSON text (a stored payload that is not JSON comes as a JSON string)
 */
public record AuditEvent(
        long globalIndex,
        long sequenceNumber,
        String eventId,
        String eventType,
        String payloadType,
        Optional<String> aggregateType,
        Optional<String> aggregateAlias,
        String aggregateId,
        Instant timestamp,
        AuditMetadata metadata,
        String payloadJson) {

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateAlias, "aggregateAlias");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
