package com.clinic.audit.persistence;

import static com.clinic.audit.persistence.jooq.Tables.AUDIT_EVENT_INDEX;
import static com.clinic.platform.persistence.jooq.Tables.DOMAINEVENTENTRY;

import com.clinic.audit.application.AggregateTypes;
import com.clinic.audit.application.AuditEvent;
import com.clinic.audit.application.AuditEventFilter;
import com.clinic.audit.application.AuditMetadata;
import com.clinic.audit.application.EventTypes;
import com.clinic.audit.application.port.AuditTrail;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.persistence.jooq.tables.records.DomainevententryRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads events straight from Axon's table, and finds them through the audit index. Metadata and
 * payload are stored as JSON by the Jackson serializer, so they are returned as JSON trees without
 * deserializing into event classes (which would fail for types that no longer exist).
 */
@Repository
class JooqAuditTrail implements AuditTrail {

    private final DSLContext db;
    private final JsonMapper json;

    JooqAuditTrail(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public List<AuditEvent> eventsOf(String aggregateId) {
        return db.selectFrom(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId))
                .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)
                .fetch(this::toEvent);
    }

    @Override
    public List<AuditEvent> search(AuditEventFilter filter, long afterGlobalIndex, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(AUDIT_EVENT_INDEX.GLOBAL_INDEX.gt(afterGlobalIndex));
        filter.aggregateAlias().ifPresent(alias -> where.add(AUDIT_EVENT_INDEX.AGGREGATE_ALIAS.eq(alias)));
        filter.exactAggregateType().ifPresent(type -> where.add(AUDIT_EVENT_INDEX.AGGREGATE_TYPE.eq(type)));
        // The simple name is always constrained, so its index serves full-name filters as well.
        filter.eventSimpleName().ifPresent(name -> where.add(AUDIT_EVENT_INDEX.EVENT_TYPE.eq(name)));
        filter.exactPayloadType().ifPresent(type -> where.add(AUDIT_EVENT_INDEX.PAYLOAD_TYPE.eq(type)));
        filter.userId().ifPresent(user -> where.add(AUDIT_EVENT_INDEX.USER_ID.eq(user)));
        filter.from().ifPresent(from -> where.add(AUDIT_EVENT_INDEX.OCCURRED_AT.ge(from)));
        filter.to().ifPresent(to -> where.add(AUDIT_EVENT_INDEX.OCCURRED_AT.lt(to)));
        return db.select(DOMAINEVENTENTRY.fields())
                .from(AUDIT_EVENT_INDEX)
                .join(DOMAINEVENTENTRY)
                .on(DOMAINEVENTENTRY.GLOBALINDEX.eq(AUDIT_EVENT_INDEX.GLOBAL_INDEX))
                .where(DSL.and(where))
                .orderBy(AUDIT_EVENT_INDEX.GLOBAL_INDEX)
                .limit(limit)
                .fetch(row -> toEvent(row.into(DOMAINEVENTENTRY)));
    }

    private AuditEvent toEvent(DomainevententryRecord row) {
        Optional<String> type = Optional.ofNullable(row.getType());
        return new AuditEvent(
                row.getGlobalindex(),
                row.getSequencenumber(),
                row.getEventidentifier(),
                EventTypes.simpleName(row.getPayloadtype()),
                row.getPayloadtype(),
                type,
                type.map(AggregateTypes::alias),
                row.getAggregateidentifier(),
                row.getTimestamp(),
                metadata(row.getMetadata()),
                json(row.getPayload()));
    }

    private AuditMetadata metadata(byte[] stored) {
        JsonNode tree = tree(stored);
        if (!tree.isObject()) {
            return AuditMetadata.none();
        }
        return new AuditMetadata(
                text(tree, MetadataKeys.USER_ID),
                text(tree, MetadataKeys.USER_ROLE),
                text(tree, MetadataKeys.CORRELATION_ID),
                text(tree, MetadataKeys.REQUEST_ID),
                text(tree, MetadataKeys.CLIENT_ADDRESS),
                text(tree, MetadataKeys.TRACE_ID),
                text(tree, MetadataKeys.CAUSATION_ID));
    }

    private static Optional<String> text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    /** Stored bytes as JSON text; anything unparseable is shown as a JSON string rather than failing the answer. */
    private String json(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return "null";
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        try {
            json.readTree(stored);
            return text;
        } catch (JacksonException notJson) {
            return json.writeValueAsString(text);
        }
    }

    /** Stored bytes as JSON; anything unparseable is shown as text rather than failing the whole answer. */
    private JsonNode tree(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return json.readTree(stored);
        } catch (JacksonException notJson) {
            return JsonNodeFactory.instance.stringNode(new String(stored, StandardCharsets.UTF_8));
        }
    }
}
