-- Who an appointment concerns, written by the claim ledger in the appointment's own transaction, so
-- authorization of follow-up commands never waits for a projection.
CREATE TABLE appointment_party (
    appointment_id UUID PRIMARY KEY,
    patient_id     UUID NOT NULL,
    doctor_id      UUID NOT NULL,
    branch_id      UUID NOT NULL,
    clinic_id      UUID NOT NULL
);

-- Read model of appointments: agendas, a patient's appointments, the branch calendar.
CREATE TABLE appointment_view (
    appointment_id      UUID         PRIMARY KEY,
    patient_id          UUID         NOT NULL,
    doctor_id           UUID         NOT NULL,
    branch_id           UUID         NOT NULL,
    clinic_id           UUID         NOT NULL,
    appointment_type_id UUID         NOT NULL,
    start_at            TIMESTAMPTZ  NOT NULL,
    end_at              TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    hold_until          TIMESTAMPTZ,
    virtual             BOOLEAN      NOT NULL,
    series_id           UUID,
    waitlist_entry_id   UUID,
    cancel_reason       VARCHAR(40),
    late_cancel         BOOLEAN      NOT NULL DEFAULT FALSE,
    checked_in_at       TIMESTAMPTZ,
    started_at          TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    booked_by           UUID,
    version             BIGINT       NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_appointment_view_doctor_start ON appointment_view (doctor_id, start_at);
CREATE INDEX ix_appointment_view_patient_start ON appointment_view (patient_id, start_at);
CREATE INDEX ix_appointment_view_branch_start ON appointment_view (branch_id, start_at);
