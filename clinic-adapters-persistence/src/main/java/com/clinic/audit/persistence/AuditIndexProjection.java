package com.clinic.audit.persistence;

import static com.clinic.audit.persistence.jooq.Tables.AUDIT_EVENT_INDEX;
import static com.clinic.platform.persistence.jooq.Tables.DOMAINEVENTENTRY;

import com.clinic.audit.application.AggregateTypes;
import com.clinic.audit.persistence.jooq.tables.records.AuditEventIndexRecord;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.persistence.ProjectionWrites;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Indexes every event of the store, whatever its type, by the columns auditors filter on.
 *
 * <p>The row is copied from the stored event itself ({@code INSERT … SELECT} by event id), so the
 * global index, aggregate and payload type are exactly what the store holds, however the processor's
 * tracking token happens to be wrapped (replay, merged segments). {@code ON CONFLICT DO NOTHING} on
 * the global index makes redelivery harmless.
 *
 * <p>The index is a pure function of the event table, so a replay does not rebuild it event by event:
 * the reset truncates it and refills it with one set-based statement over {@code domainevententry}
 * (about fifty times faster than a handler call per event, docs/benchmarks.md), and the replayed
 * events it already covers are skipped. Events it could not see — appended by transactions still in
 * flight during the reset, which show up as recent gaps in the global index — are indexed by the
 * handler when the processor reaches them. After a restart mid-replay nothing is skipped; the inserts
 * are then merely redundant.
 *
 * <p>Runs in one segment (see application.yml) so rows arrive in global index order and a reader
 * paging by global index does not overtake rows still being written by a parallel segment.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSING_GROUP)
class AuditIndexProjection {

    static final String PROCESSING_GROUP = "audit-index";

    private static final Logger log = LoggerFactory.getLogger(AuditIndexProjection.class);

    /** The canonical form only, so the handler and the set-based rebuild agree on every value. */
    private static final String UUID_REGEX =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final Pattern UUID_PATTERN = Pattern.compile(UUID_REGEX);

    /**
     * How far below the rebuilt head an unseen global index is still treated as a transaction in
     * flight rather than a rolled-back append: Axon's own default for the gaps a tracking token keeps.
     */
    private static final long GAP_WINDOW = 10_000;

    private final DSLContext db;
    private final ProjectionWrites writes;

    /** What the last set-based rebuild covered; replayed events within it need no handling. */
    private volatile Rebuilt rebuilt = Rebuilt.NOTHING;

    AuditIndexProjection(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        if (rebuilt.covers(token)) {
            return;
        }
        String aggregateType = event instanceof DomainEventMessage<?> domain ? domain.getType() : null;
        String alias = aggregateType == null ? null : AggregateTypes.alias(aggregateType);
        writes.execute(index(
                        DSL.val(alias, SQLDataType.VARCHAR(255)),
                        DSL.val(userId(event), SQLDataType.UUID),
                        DSL.val(event.getTimestamp()),
                        DOMAINEVENTENTRY.EVENTIDENTIFIER.eq(event.getIdentifier()))
                .onConflictDoNothing());
    }

    /**
     * Empties the index and rebuilds it from the event table in the reset's transaction: the same
     * columns the handler writes, computed by PostgreSQL (aliases from the same Java rule, joined in).
     */
    @ResetHandler
    void reset() {
        rebuilt = Rebuilt.NOTHING;
        db.truncate(AUDIT_EVENT_INDEX).execute();
        List<String> types = db.selectDistinct(DOMAINEVENTENTRY.TYPE)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.TYPE.isNotNull())
                .fetch(DOMAINEVENTENTRY.TYPE);
        Field<String> alias = aliasOf(types);
        // substring(... from regex) is the id when it is a canonical UUID and NULL otherwise: one parse of
        // the metadata per row, where a CASE would parse it for the test and again for the value.
        Field<UUID> metadataUserId = DSL.field(
                "substring(convert_from({0}, 'UTF8')::jsonb ->> {1} from {2})::uuid",
                SQLDataType.UUID, DOMAINEVENTENTRY.METADATA, DSL.inline(MetadataKeys.USER_ID), DSL.inline(UUID_REGEX));
        int rows = index(
                        alias,
                        metadataUserId,
                        DSL.field("{0}::timestamptz", SQLDataType.INSTANT, DOMAINEVENTENTRY.TIMESTAMP),
                        DSL.noCondition())
                .execute();
        Long head = db.fetchValue(
                DSL.select(DSL.max(AUDIT_EVENT_INDEX.GLOBAL_INDEX)).from(AUDIT_EVENT_INDEX));
        if (head == null) {
            return;
        }
        Set<Long> gaps = db.select(DSL.field("g", Long.class))
                .from(DSL.table(
                        "generate_series({0}::bigint, {1}::bigint) AS s(g)", Math.max(0, head - GAP_WINDOW), head))
                .whereNotExists(DSL.selectOne()
                        .from(AUDIT_EVENT_INDEX)
                        .where(AUDIT_EVENT_INDEX.GLOBAL_INDEX.eq(DSL.field("s.g", Long.class))))
                .fetchSet(DSL.field("g", Long.class));
        Rebuilt done = new Rebuilt(head, gaps);
        log.info("Audit index rebuilt from the event table: {} events up to global index {}", rows, head);
        // Skipping only once the rows are committed: should the reset roll back, the processor goes on
        // from its old position and must index those events itself.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rebuilt = done;
                }
            });
        } else {
            rebuilt = done;
        }
    }

    /**
     * Index rows copied from the stored events {@code which} selects; the three columns the event table
     * does not hold as such come from the caller (bound values per event, or SQL for the rebuild).
     */
    private InsertOnDuplicateStep<AuditEventIndexRecord> index(
            Field<String> alias, Field<UUID> userId, Field<Instant> occurredAt, Condition which) {
        return db.insertInto(
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
                                alias,
                                DOMAINEVENTENTRY.AGGREGATEIDENTIFIER,
                                DOMAINEVENTENTRY.SEQUENCENUMBER,
                                DOMAINEVENTENTRY.PAYLOADTYPE,
                                eventType(),
                                userId,
                                occurredAt)
                        .from(DOMAINEVENTENTRY)
                        .where(which));
    }

    /** Same rule as EventTypes.simpleName: what follows the last '.' or '$'. */
    private static Field<String> eventType() {
        return DSL.regexpReplaceAll(DOMAINEVENTENTRY.PAYLOADTYPE, "^.*[.$]", "");
    }

    /** {@link AggregateTypes#alias} of each stored type, as a lookup PostgreSQL joins in. */
    private static Field<String> aliasOf(List<String> types) {
        if (types.isEmpty()) {
            return DSL.castNull(SQLDataType.VARCHAR(255));
        }
        @SuppressWarnings("unchecked")
        Row2<String, String>[] rows = types.stream()
                .map(type -> DSL.row(type, AggregateTypes.alias(type)))
                .toArray(Row2[]::new);
        var aliases = DSL.values(rows).as("aliases", "type", "alias");
        return DSL.field(DSL.select(aliases.field("alias", String.class))
                .from(aliases)
                .where(aliases.field("type", String.class).eq(DOMAINEVENTENTRY.TYPE)));
    }

    /** Only canonical UUIDs are indexed; anything else stays readable in the stored metadata. */
    private static UUID userId(EventMessage<?> event) {
        Object value = event.getMetaData().get(MetadataKeys.USER_ID);
        if (value == null || !UUID_PATTERN.matcher(value.toString()).matches()) {
            return null;
        }
        return UUID.fromString(value.toString());
    }

    /** Global indexes up to {@code head} are indexed, except the {@code gaps} seen near it. */
    private record Rebuilt(long head, Set<Long> gaps) {

        static final Rebuilt NOTHING = new Rebuilt(-1, Set.of());

        boolean covers(TrackingToken token) {
            if (token == null || token.position().isEmpty()) {
                return false;
            }
            long position = token.position().getAsLong();
            return position <= head && !gaps.contains(position);
        }
    }
}
