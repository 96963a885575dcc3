package com.clinic.audit.rest;

import com.clinic.audit.application.AggregateHistory;
import java.util.List;

/** One aggregate's complete history in sequence order; {@code version} is its last sequence number. */
public record AggregateHistoryResponse(
        String aggregateType,
        String aggregateAlias,
        String aggregateId,
        long version,
        List<AuditEventResponse> events) {

    static AggregateHistoryResponse of(AggregateHistory history) {
        return new AggregateHistoryResponse(
                history.aggregateType(),
                history.aggregateAlias(),
                history.aggregateId(),
                history.version(),
                history.events().stream().map(AuditEventResponse::of).toList());
    }
}
