package com.clinic.audit.persistence;

import static com.clinic.platform.persistence.jooq.Tables.AUDIT_EVENT_INDEX;
import static com.clinic.platform.persistence.jooq.Tables.DOMAINEVENTENTRY;

import com.clinic.audit.application.AggregateTypes;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.persistence.ProjectionWrites;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Indexes every event of the store, whatever its type, by the columns auditors filter on.
 *
 * <p>The row is copied from the stored event itself ({@code INSERT … SELECT} by event id), so the
 * global index, aggregate and payload type are exactly what the store holds, however the processor's
 * tracking token happens to be wrapped (replay, merged segments). {@code ON CONFLICT DO NOTHING} on
 * the global index makes redelivery harmless; a reset truncates the table and the replay refills it.
 *
 * <p>Runs in one segment (see application.yml) so rows arrive in global index order and a reader
 * paging by global index does not overtake rows still being written by a parallel segment.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSING_GROUP)
class AuditIndexProjection {

    static final String PROCESSING_GROUP = "audit-index";

    private final DSLContext db;
    private final ProjectionWrites writes;

    AuditIndexProjection(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        String aggregateType = event instanceof DomainEventMessage<?> domain ? domain.getType() : null;
        String alias = aggregateType == null ? null : AggregateTypes.alias(aggregateType);
        writes.execute(db.insertInto(
                        AUDIT_EVENT_INDEX,
                        AUDIT_EVENT_INDEX.GLOBAL_INDEX,
                        AUDIT_EVENT_INDEX.EVENT_ID,
                        AUDIT_EVENT_INDEX.AGGREGATE_TYPE,
                        AUDIT_EVENT_INDEX.AGGREGATE_ALIAS,
                        AUDIT_EVENT_INDEX.AGGREGATE_ID,
                        AUDIT_EVENT_INDEX.SEQUENCE_NUMBER,
                        AUDIT_EVENT_INDEX.PAYLOAD_TYPE,
                        AUDIT_EVENT_INDEX.EVENT_TYPE,
                        AUDIT_EVENT_INDEX.USER_ID,
                        AUDIT_EVENT_INDEX.OCCURRED_AT)
                .select(DSL.select(
                                DOMAINEVENTENTRY.GLOBALINDEX,
                                DOMAINEVENTENTRY.EVENTIDENTIFIER,
                                DOMAINEVENTENTRY.TYPE,
                                DSL.val(alias, SQLDataType.VARCHAR(255)),
                                DOMAINEVENTENTRY.AGGREGATEIDENTIFIER,
                                DOMAINEVENTENTRY.SEQUENCENUMBER,
                                DOMAINEVENTENTRY.PAYLOADTYPE,
                                // Same rule as EventTypes.simpleName: what follows the last '.' or '$'.
                                DSL.regexpReplaceAll(DOMAINEVENTENTRY.PAYLOADTYPE, "^.*[.$]", ""),
                                DSL.val(userId(event), SQLDataType.UUID),
                                DSL.val(OffsetDateTime.ofInstant(event.getTimestamp(), ZoneOffset.UTC)))
                        .from(DOMAINEVENTENTRY)
                        .where(DOMAINEVENTENTRY.EVENTIDENTIFIER.eq(event.getIdentifier())))
                .onConflictDoNothing());
    }

    @ResetHandler
    void reset() {
        db.truncate(AUDIT_EVENT_INDEX).execute();
    }

    /** Only well-formed UUIDs are indexed; anything else stays readable in the stored metadata. */
    private static UUID userId(EventMessage<?> event) {
        Object value = event.getMetaData().get(MetadataKeys.USER_ID);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
