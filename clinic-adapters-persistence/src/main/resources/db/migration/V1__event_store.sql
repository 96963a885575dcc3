-- Axon's event store, snapshots, tracking tokens and sagas (JDBC storage engine, lower-case names).
-- Flyway owns this DDL: Axon never creates tables here.

CREATE TABLE domainevententry (
    globalindex        BIGSERIAL    PRIMARY KEY,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber     BIGINT       NOT NULL,
    type               VARCHAR(255),
    eventidentifier    VARCHAR(255) NOT NULL,
    metadata           BYTEA,
    payload            BYTEA        NOT NULL,
    payloadrevision    VARCHAR(255),
    payloadtype        VARCHAR(255) NOT NULL,
    timestamp          VARCHAR(255) NOT NULL,
    CONSTRAINT uk_domainevententry_aggregate_seq UNIQUE (aggregateidentifier, sequencenumber),
    CONSTRAINT uk_domainevententry_event_id UNIQUE (eventidentifier)
);

-- The audit trail filters the global stream by aggregate type and time.
CREATE INDEX ix_domainevententry_type_index ON domainevententry (type, globalindex);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber     BIGINT       NOT NULL,
    type               VARCHAR(255) NOT NULL,
    eventidentifier    VARCHAR(255) NOT NULL,
    metadata           BYTEA,
    payload            BYTEA        NOT NULL,
    payloadrevision    VARCHAR(255),
    payloadtype        VARCHAR(255) NOT NULL,
    timestamp          VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    CONSTRAINT uk_snapshotevententry_event_id UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

CREATE TABLE sagaentry (
    sagaid         VARCHAR(255) PRIMARY KEY,
    revision       VARCHAR(255),
    sagatype       VARCHAR(255),
    serializedsaga BYTEA
);

CREATE TABLE associationvalueentry (
    id               BIGSERIAL    PRIMARY KEY,
    associationkey   VARCHAR(255) NOT NULL,
    associationvalue VARCHAR(255),
    sagaid           VARCHAR(255) NOT NULL,
    sagatype         VARCHAR(255)
);
CREATE INDEX ix_association_saga_type_key_value ON associationvalueentry (sagatype, associationkey, associationvalue);
CREATE INDEX ix_association_saga_id_type ON associationvalueentry (sagaid, sagatype);
