-- Write-side claims on doctors' time: the guard that makes double booking impossible. A hold or
-- booking inserts its blocked range (buffers included) in the same transaction as its event; the
-- exclusion constraint lets only one claim per doctor and lane cover any instant, whichever app
-- instance the requests reach. A type with capacity c may use lanes 0..c-1.
-- jOOQ's DDL parser knows neither tstzrange nor EXCLUDE, so code generation skips this file's
-- statements; the ledger and slot search query the table with plain SQL.
/* [jooq ignore start] */
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE slot_claim (
    claim_id       BIGSERIAL   PRIMARY KEY,
    appointment_id UUID        NOT NULL,
    doctor_id      UUID        NOT NULL,
    branch_id      UUID        NOT NULL,
    lane           SMALLINT    NOT NULL,
    period         TSTZRANGE   NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT slot_claim_no_overlap EXCLUDE USING gist (doctor_id WITH =, lane WITH =, period WITH &&)
);
CREATE INDEX ix_slot_claim_appointment ON slot_claim (appointment_id);
CREATE INDEX ix_slot_claim_doctor_period ON slot_claim USING gist (doctor_id, period);
/* [jooq ignore stop] */
