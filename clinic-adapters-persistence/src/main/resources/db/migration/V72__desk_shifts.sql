-- Cashiers' shifts at a branch's desk: the float, and at closing what the ledger says was taken
-- and paid out in cash, what was counted and the difference.
CREATE TABLE desk_shift_view (
    shift_id            UUID        PRIMARY KEY,
    clinic_id           UUID        NOT NULL,
    branch_id           UUID        NOT NULL,
    cashier             UUID        NOT NULL,
    currency            CHAR(3)     NOT NULL,
    opening_float_minor BIGINT      NOT NULL,
    opened_at           TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    cash_in_minor       BIGINT,
    cash_out_minor      BIGINT,
    expected_minor      BIGINT,
    counted_minor       BIGINT,
    difference_minor    BIGINT,
    version             BIGINT      NOT NULL
);
CREATE INDEX ix_desk_shift_open ON desk_shift_view (branch_id, cashier) WHERE closed_at IS NULL;
-- The drawer's cash: one cashier's cash entries at a branch over the shift.
CREATE INDEX ix_ledger_entry_cash ON ledger_entry (branch_id, posted_by, posted_at) WHERE method = 'CASH';
