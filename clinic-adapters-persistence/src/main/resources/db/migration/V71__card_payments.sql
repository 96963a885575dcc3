-- Card payments through the provider, as projected from their events: what reconciliation asks
-- the provider about when a payment stays unfinished (ADR 0029).
CREATE TABLE card_payment_view (
    payment_id    UUID         PRIMARY KEY,
    invoice_id    UUID         NOT NULL,
    clinic_id     UUID         NOT NULL,
    patient_id    UUID         NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    intent_id     VARCHAR(255),
    status        VARCHAR(32)  NOT NULL,
    final         BOOLEAN      NOT NULL DEFAULT FALSE,
    requested_at  TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX ix_card_payment_pending ON card_payment_view (requested_at) WHERE NOT final;
CREATE INDEX ix_card_payment_invoice ON card_payment_view (invoice_id);
