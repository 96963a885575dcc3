package com.clinic.audit.application;

import java.util.List;

/** Every event of one aggregate, in sequence order; {@code version} is the last sequence number. */
public record AggregateHistory(
        String aggregateType, String aggregateAlias, String aggregateId, long version, List<AuditEvent> events) {

    public AggregateHistory {
        events = List.copyOf(events);
    }
}
