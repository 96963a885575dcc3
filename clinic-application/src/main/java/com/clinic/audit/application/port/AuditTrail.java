package com.clinic.audit.application.port;

import com.clinic.audit.application.AuditEvent;
import com.clinic.audit.application.AuditEventFilter;
import java.util.List;

/** Read access to the event store for auditors. */
public interface AuditTrail {

    /** Every event of the aggregate with this identifier, in sequence order; empty when there is none. */
    List<AuditEvent> eventsOf(String aggregateId);

    /**
     * At most {@code limit} events matching the filter with a global index strictly above
     * {@code afterGlobalIndex}, in ascending global index order.
     */
    List<AuditEvent> search(AuditEventFilter filter, long afterGlobalIndex, int limit);
}
