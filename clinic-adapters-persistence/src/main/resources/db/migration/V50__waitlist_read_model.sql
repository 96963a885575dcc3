-- The waiting list as the "scheduling-waitlist-entries" projection builds it from the entry events.
-- Rebuilt by a replay (truncated, then refilled), so nothing here is the source of truth.
CREATE TABLE waitlist_entry_view (
    entry_id             UUID         PRIMARY KEY,
    patient_id           UUID         NOT NULL,
    clinic_id            UUID         NOT NULL,
    branch_id            UUID         NOT NULL,
    -- Exactly one of doctor_id and specialty: the queue the entry waits in at its branch.
    doctor_id            UUID,
    specialty            VARCHAR(50),
    appointment_type_id  UUID         NOT NULL,
    window_from          DATE         NOT NULL,
    window_to            DATE         NOT NULL,
    -- Preferred start times of day, branch wall-clock, e.g. "08:00-12:00,18:00-00:00" (empty = any).
    times_of_day         VARCHAR(200) NOT NULL,
    urgency              VARCHAR(16)  NOT NULL,
    -- 0 = most urgent; ranking is (urgency_rank, joined_at, entry_id) everywhere.
    urgency_rank         SMALLINT     NOT NULL,
    joined_at            TIMESTAMPTZ  NOT NULL,
    joined_by            UUID         NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    offer_appointment_id UUID,
    offer_doctor_id      UUID,
    offer_start          TIMESTAMPTZ,
    offer_end            TIMESTAMPTZ,
    offer_expires_at     TIMESTAMPTZ,
    -- The appointment a fulfilled entry ended in.
    appointment_id       UUID,
    closed_at            TIMESTAMPTZ,
    version              BIGINT       NOT NULL
);

-- Listings, in ranking order, by the scopes that ask: a patient, a branch, a clinic.
CREATE INDEX ix_waitlist_entry_patient ON waitlist_entry_view (patient_id, urgency_rank, joined_at, entry_id);
CREATE INDEX ix_waitlist_entry_branch ON waitlist_entry_view (branch_id, urgency_rank, joined_at, entry_id);
CREATE INDEX ix_waitlist_entry_clinic ON waitlist_entry_view (clinic_id, urgency_rank, joined_at, entry_id);

-- Finding whom to offer a freed slot, and positions, only ever look at open entries of one queue.
-- [jooq ignore start]
CREATE INDEX ix_waitlist_entry_open_doctor ON waitlist_entry_view (branch_id, doctor_id, urgency_rank, joined_at, entry_id)
    WHERE status IN ('WAITING', 'OFFERED');
CREATE INDEX ix_waitlist_entry_open_specialty ON waitlist_entry_view (branch_id, specialty, urgency_rank, joined_at, entry_id)
    WHERE status IN ('WAITING', 'OFFERED');
-- [jooq ignore stop]
