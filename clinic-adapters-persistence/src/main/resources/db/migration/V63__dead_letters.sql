-- Events a projection failed to apply, per processing group (Axon's JDBC sequenced dead-letter queue,
-- default schema, lower-case names as in V1; ADR 0016). One sequence per aggregate: once an event of
-- an aggregate is here, every later event of that aggregate for that group waits behind it, so a
-- retry applies them in their order. Flyway owns this DDL: Axon never creates it.
--
-- The layout follows Axon's GenericDeadLetterTableFactory: its statements bind every instant as an
-- ISO-8601 string (claims compare them as strings), so those columns stay VARCHAR, and serialized
-- payloads, metadata, tokens and diagnostics are BYTEA. causemessage is what ADR 0016's enqueue
-- policy keeps of the failure (no SQL text, no row values), at most 1023 characters.
CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255)  NOT NULL,
    processinggroup      VARCHAR(255)  NOT NULL,
    sequenceidentifier   VARCHAR(255)  NOT NULL,
    sequenceindex        BIGINT        NOT NULL,
    messagetype          VARCHAR(255)  NOT NULL,
    eventidentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadtype          VARCHAR(255)  NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255)  NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT pk_deadletterentry PRIMARY KEY (deadletteridentifier),
    -- Also the index of every query Axon makes (by group, by group and sequence, the next in a
    -- sequence) and of the counts behind health and metrics, so Axon's two extra indexes are left out.
    CONSTRAINT uk_deadletterentry_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
