-- Per-subject data keys for crypto-shredding, wrapped by a configured master key.
-- Deleting a row erases the subject: every ciphertext sealed with that key becomes unreadable.
CREATE TABLE subject_key (
    subject_id    UUID         PRIMARY KEY,
    master_key_id VARCHAR(64)  NOT NULL,
    wrapped_key   BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Subjects whose key was deleted: no new personal data may be sealed for them again.
CREATE TABLE shredded_subject (
    subject_id  UUID        PRIMARY KEY,
    shredded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- First response to each Idempotency-Key, per caller; a retry is answered from here.
CREATE TABLE idempotency_record (
    scope               VARCHAR(128) NOT NULL,
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint VARCHAR(128) NOT NULL,
    status              INTEGER,
    headers             TEXT,
    body                BYTEA,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
