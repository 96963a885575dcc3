-- Payments: invoices, their lines and their ledger (read models of the invoice events), and the
-- clinics' gap-free number sequences (write side, taken in the command's transaction, ADR 0027).

-- Amounts are integers in the currency's minor unit (ADR 0026). The status is derived from the
-- money columns by the aggregate's own rule (InvoiceStatus.of), and stored so that lists filter by it.
CREATE TABLE invoice_view (
    invoice_id                   UUID        PRIMARY KEY,
    clinic_id                    UUID        NOT NULL,
    branch_id                    UUID        NOT NULL,
    patient_id                   UUID        NOT NULL,
    appointment_id               UUID,
    number                       BIGINT,
    voided                       BOOLEAN     NOT NULL DEFAULT FALSE,
    currency                     CHAR(3)     NOT NULL,
    subtotal_minor               BIGINT      NOT NULL DEFAULT 0,
    tax_minor                    BIGINT      NOT NULL DEFAULT 0,
    total_minor                  BIGINT      NOT NULL DEFAULT 0,
    credited_minor               BIGINT      NOT NULL DEFAULT 0,
    paid_minor                   BIGINT      NOT NULL DEFAULT 0,
    refunded_minor               BIGINT      NOT NULL DEFAULT 0,
    status                       VARCHAR(16) NOT NULL,
    settlement_reason            VARCHAR(64),
    settlement_arguments         TEXT,
    settlement_released_minor    BIGINT,
    settlement_retained_minor    BIGINT,
    settlement_refund_due_minor  BIGINT,
    settled_at                   TIMESTAMPTZ,
    opened_at                    TIMESTAMPTZ NOT NULL,
    issued_at                    TIMESTAMPTZ,
    version                      BIGINT      NOT NULL
);
CREATE UNIQUE INDEX ux_invoice_view_appointment ON invoice_view (appointment_id);
CREATE UNIQUE INDEX ux_invoice_view_number ON invoice_view (clinic_id, number);
CREATE INDEX ix_invoice_view_branch ON invoice_view (branch_id, opened_at DESC, invoice_id DESC);
CREATE INDEX ix_invoice_view_patient ON invoice_view (patient_id, opened_at DESC, invoice_id DESC);

CREATE TABLE invoice_line (
    invoice_id         UUID         NOT NULL,
    line_id            UUID         NOT NULL,
    position           BIGINT       NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    description        VARCHAR(200) NOT NULL,
    unit_price_minor   BIGINT       NOT NULL,
    quantity           INTEGER      NOT NULL,
    tax_basis_points   INTEGER      NOT NULL,
    PRIMARY KEY (invoice_id, line_id)
);

-- Every money movement posted against an invoice. Entries are appended, never changed: a correction
-- is a new entry (the trigger below refuses UPDATE and DELETE; a replay empties the table with
-- TRUNCATE, which row triggers do not see). position = event sequence * 10 + the entry's index in
-- its event, so a redelivered event inserts nothing.
CREATE TABLE ledger_entry (
    invoice_id       UUID         NOT NULL,
    position         BIGINT       NOT NULL,
    clinic_id        UUID         NOT NULL,
    branch_id        UUID         NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    entry_id         UUID         NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    method           VARCHAR(16),
    payment_id       UUID,
    receipt_number   BIGINT,
    reference        VARCHAR(100),
    credit_kind      VARCHAR(16),
    reason_code      VARCHAR(64),
    reason_arguments TEXT,
    posted_at        TIMESTAMPTZ  NOT NULL,
    posted_by        UUID         NOT NULL,
    PRIMARY KEY (invoice_id, position)
);
CREATE INDEX ix_ledger_entry_branch_posted ON ledger_entry (branch_id, posted_at);

CREATE TABLE number_sequence (
    clinic_id   UUID        NOT NULL,
    series      VARCHAR(16) NOT NULL,
    last_number BIGINT      NOT NULL,
    PRIMARY KEY (clinic_id, series)
);

/* [jooq ignore start] */
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are never changed: post a correcting entry instead'
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();
/* [jooq ignore stop] */
