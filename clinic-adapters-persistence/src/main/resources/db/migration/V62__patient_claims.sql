-- Write-side claims on patients' time: one patient cannot be in two appointments at once. Written
-- by the same claim ledger, in the same transaction, as the doctor's claim (V44), and released by the
-- same events (plus a no-show: a patient who did not come is free again). The period is the
-- appointment's own time; the buffers are the doctor's, not the patient's.
-- jOOQ's DDL parser knows neither tstzrange nor EXCLUDE (see V44).
/* [jooq ignore start] */
CREATE TABLE patient_claim (
    claim_id       BIGSERIAL   PRIMARY KEY,
    appointment_id UUID        NOT NULL,
    patient_id     UUID        NOT NULL,
    period         TSTZRANGE   NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT patient_claim_no_overlap EXCLUDE USING gist (patient_id WITH =, period WITH &&)
);
CREATE INDEX ix_patient_claim_appointment ON patient_claim (appointment_id);

-- Holds and bookings still ahead claim their patient's time. The doctor's live claims say which
-- appointments hold time, appointment_party (written with them) whose they are, and the read model
-- their exact time when it has it (else the blocked time). Patients already booked twice at once
-- keep their earlier-made appointment claimed; the other stays booked, unclaimed, for staff to settle.
INSERT INTO patient_claim (appointment_id, patient_id, period)
SELECT c.appointment_id, p.patient_id, COALESCE(tstzrange(v.start_at, v.end_at, '[)'), c.period)
FROM slot_claim c
JOIN appointment_party p ON p.appointment_id = c.appointment_id
LEFT JOIN appointment_view v ON v.appointment_id = c.appointment_id
WHERE upper(c.period) > now()
  AND (v.status IS NULL OR v.status IN ('HELD', 'BOOKED', 'CHECKED_IN', 'IN_CONSULTATION'))
ORDER BY c.created_at, c.claim_id
ON CONFLICT DO NOTHING;
/* [jooq ignore stop] */
