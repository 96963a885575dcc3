package com.clinic.audit.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which events of the global stream to list; every criterion is optional and they combine with AND.
 *
 * @param aggregateType an aggregate type as stored ({@code PatientAggregate}) or its alias ({@code patient})
 * @param eventType an event's simple name ({@code PatientRegistered}) or full class name
 * @param userId the acting user, as stamped in the event metadata
 * @param from inclusive lower bound of the event time
 * @param to exclusive upper bound of the event time
 */
public record AuditEventFilter(
        Optional<String> aggregateType,
        Optional<String> eventType,
        Optional<UUID> userId,
        Optional<Instant> from,
        Optional<Instant> to) {

    public AuditEventFilter {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static AuditEventFilter everything() {
        return new AuditEventFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The stored aggregate type to match exactly, when the criterion names a type rather than an alias. */
    public Optional<String> exactAggregateType() {
        return aggregateType.filter(type -> !type.equals(AggregateTypes.alias(type)));
    }

    public Optional<String> aggregateAlias() {
        return aggregateType.map(AggregateTypes::alias);
    }

    /** The full class name to match exactly, when the criterion is one. */
    public Optional<String> exactPayloadType() {
        return eventType.filter(type -> !type.equals(EventTypes.simpleName(type)));
    }

    public Optional<String> eventSimpleName() {
        return eventType.map(EventTypes::simpleName);
    }
}
