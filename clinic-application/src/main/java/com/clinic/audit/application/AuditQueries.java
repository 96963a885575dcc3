package com.clinic.audit.application;

import com.clinic.audit.application.port.AuditTrail;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What auditors may ask: every event regardless of clinic or branch (see {@link AuditOperation}). */
@Service
public class AuditQueries {

    private final AuditTrail trail;
    private final AccessPolicy access;

    public AuditQueries(AuditTrail trail, AccessPolicy access) {
        this.trail = trail;
        this.access = access;
    }

    /**
     * The full history of one aggregate. Answers 404 both when the identifier has no events and when
     * it belongs to another aggregate type, so a caller cannot probe identifiers across types.
     */
    public AggregateHistory history(Actor actor, String aggregateType, String aggregateId) {
        access.requireRole(actor, AuditOperation.READ_AUDIT_TRAIL);
        List<AuditEvent> events = trail.eventsOf(aggregateId);
        String storedType =
                events.isEmpty() ? null : events.getFirst().aggregateType().orElse(null);
        if (storedType == null || !AggregateTypes.matches(aggregateType, storedType)) {
            throw new Rejection.NotFound("audit.aggregate-not-found", aggregateType, aggregateId);
        }
        return new AggregateHistory(
                storedType,
                AggregateTypes.alias(storedType),
                aggregateId,
                events.getLast().sequenceNumber(),
                events);
    }

    /** One page of the global stream, ascending by global index; the cursor is the last global index served. */
    public Page<AuditEvent> events(Actor actor, AuditEventFilter filter, PageRequest page) {
        access.requireRole(actor, AuditOperation.READ_AUDIT_TRAIL);
        if (filter.from().isPresent()
                && filter.to().isPresent()
                && filter.from().get().isAfter(filter.to().get())) {
            throw new Rejection.RuleViolated("audit.time-range-inverted");
        }
        long after = page.after().map(AuditQueries::globalIndex).orElse(0L);
        List<AuditEvent> found = trail.search(filter, after, page.limit() + 1);
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        List<AuditEvent> items = found.subList(0, page.limit());
        return new Page<>(items, Optional.of(Long.toString(items.getLast().globalIndex())));
    }

    private static long globalIndex(String cursor) {
        try {
            long index = Long.parseLong(cursor);
            if (index < 0) {
                throw new Rejection.RuleViolated("page.cursor-invalid");
            }
            return index;
        } catch (NumberFormatException notANumber) {
            throw new Rejection.RuleViolated("page.cursor-invalid");
        }
    }
}
