-- Audit index: one row per stored event with the columns auditors filter on, typed and indexed.
-- Filled by the "audit-index" projection (com.clinic.audit.persistence.AuditIndexProjection) and
-- rebuilt by replaying it; the event itself (metadata, payload) is still read from domainevententry.
--
-- Why a projection table rather than expression indexes on domainevententry:
--  * the acting user lives inside metadata, a BYTEA holding JSON. Reaching it needs convert_from(),
--    which PostgreSQL marks STABLE, so it cannot appear in an index expression at all;
--  * timestamp is an ISO-8601 VARCHAR; the cast to timestamptz is STABLE too (it depends on the
--    session's TimeZone), so a time-range index would need an IMMUTABLE wrapper that merely claims to be;
--  * the event store's append path stays as Axon expects it: no extra index maintenance in every
--    command's transaction, and no audit concern coupled to Axon's table.
-- The price is eventual consistency (the index trails the store by the projection's lag, normally
-- milliseconds) and a little storage; both are fine for an audit trail.
CREATE TABLE audit_event_index (
    global_index    BIGINT       PRIMARY KEY,  -- domainevententry.globalindex: the keyset cursor
    event_id        VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(255),              -- NULL for events not published by an aggregate
    aggregate_alias VARCHAR(255),
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    payload_type    VARCHAR(255) NOT NULL,     -- full class name as stored
    event_type      VARCHAR(255) NOT NULL,     -- its simple name
    user_id         UUID,                      -- metadata userId; NULL when absent or not a UUID
    occurred_at     TIMESTAMPTZ  NOT NULL
);

-- Each filter is an equality plus the keyset order, so (column, global_index) serves both.
CREATE INDEX ix_audit_event_index_alias ON audit_event_index (aggregate_alias, global_index);
CREATE INDEX ix_audit_event_index_event_type ON audit_event_index (event_type, global_index);
CREATE INDEX ix_audit_event_index_user ON audit_event_index (user_id, global_index);
-- Time ranges are not ordered by global_index (commit order differs slightly from time order).
CREATE INDEX ix_audit_event_index_occurred ON audit_event_index (occurred_at);
