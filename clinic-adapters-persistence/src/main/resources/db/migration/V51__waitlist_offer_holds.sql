-- Appointment holds the waiting-list offer process made (state of the process, not a read model:
-- never truncated). When such a hold is released its slot comes back as a cancellation, which the
-- process must recognise as its own instead of starting a second round of offers for it.
CREATE TABLE waitlist_offer_hold (
    appointment_id UUID        PRIMARY KEY,
    entry_id       UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_waitlist_offer_hold_created ON waitlist_offer_hold (created_at);
