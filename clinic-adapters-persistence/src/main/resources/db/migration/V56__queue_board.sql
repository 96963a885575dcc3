-- Walk-in queue read models, rebuilt from the queue's and the appointments' events by the
-- scheduling-queue-board projection (a replay truncates and refills them).

-- One row per doctor, branch and day; version = sequence number of the last queue event applied.
CREATE TABLE queue_board (
    queue_id    UUID        PRIMARY KEY,
    doctor_id   UUID        NOT NULL,
    branch_id   UUID        NOT NULL,
    queue_date  DATE        NOT NULL,
    last_number INTEGER     NOT NULL,
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_queue_board_key ON queue_board (doctor_id, branch_id, queue_date);

-- Every ticket of a queue. progress: WAITING, CALLED, IN_SERVICE while active; FINISHED, NO_SHOW or
-- TRANSFERRED once it left (kept, so a patient following their ticket learns how it ended).
-- waiting_position is the 1-based place among those WAITING, by the domain's one queue ordering.
-- priority_reason is sealed with the patient's key (the ticket's for anonymous walk-ins).
CREATE TABLE queue_board_ticket (
    queue_id           UUID        NOT NULL,
    ticket_id          UUID        NOT NULL,
    ticket_number      INTEGER     NOT NULL,
    patient_id         UUID,
    appointment_id     UUID,
    priority           VARCHAR(16) NOT NULL,
    priority_reason    TEXT,
    progress           VARCHAR(16) NOT NULL,
    waiting_position   INTEGER,
    effective_at       TIMESTAMPTZ NOT NULL,
    joined_at          TIMESTAMPTZ NOT NULL,
    called_at          TIMESTAMPTZ,
    recalls            INTEGER     NOT NULL,
    skips              INTEGER     NOT NULL,
    service_started_at TIMESTAMPTZ,
    left_at            TIMESTAMPTZ,
    PRIMARY KEY (queue_id, ticket_id)
);
CREATE INDEX ix_queue_board_ticket_ticket ON queue_board_ticket (ticket_id);

-- Real consultation lengths, the input of every estimated wait. One row per consultation: keyed by
-- the appointment for booked patients (whether finished in the queue or on the appointment), by the
-- ticket for walk-ins. doctor_id is who actually saw the patient.
CREATE TABLE queue_consultation_duration (
    consultation_id  UUID        PRIMARY KEY,
    doctor_id        UUID        NOT NULL,
    branch_id        UUID        NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    duration_seconds INTEGER     NOT NULL
);
CREATE INDEX ix_queue_consultation_duration_recent ON queue_consultation_duration (doctor_id, finished_at DESC);
