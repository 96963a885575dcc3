-- What became of every notification, as staff and the patient see it: one row per notification and
-- one per provider call, rebuilt from the notification events by the notifications-history
-- projection (a replay truncates and refills both). No message text: that is sealed in the events.

-- status and channel are the notification's current ones; version is the sequence number of the
-- last event applied (an event at or below it was applied already). redrives counts the
-- administrator's new starts, which number their attempts from 1 again. reason is the last one
-- recorded (a deferral, a fail-over, a provider's failure report, the dead letter, a cancellation).
CREATE TABLE notification_view (
    notification_id   UUID         PRIMARY KEY,
    template          VARCHAR(100) NOT NULL,
    category          VARCHAR(20)  NOT NULL,
    recipient_user_id UUID,
    patient_id        UUID,
    clinic_id         UUID,
    about             UUID,
    status            VARCHAR(20)  NOT NULL,
    channel           VARCHAR(10),
    requested_at      TIMESTAMPTZ  NOT NULL,
    due_at            TIMESTAMPTZ  NOT NULL,
    reason            TEXT,
    redrives          INTEGER      NOT NULL,
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
-- A patient's history, newest first (keyset on requested_at, notification_id).
CREATE INDEX ix_notification_view_patient
    ON notification_view (patient_id, requested_at DESC, notification_id DESC)
    WHERE patient_id IS NOT NULL;
-- Dead letters of a clinic, oldest first; few, so the partial index also serves the list of all.
CREATE INDEX ix_notification_view_dead_letters
    ON notification_view (clinic_id, updated_at, notification_id)
    WHERE status = 'DEAD_LETTERED';
-- Counts by state and channel of what a clinic requested in a period.
CREATE INDEX ix_notification_view_counts ON notification_view (clinic_id, requested_at);

-- One provider call as it was recorded: its answer as the provider gave it (never the message).
CREATE TABLE notification_attempt (
    notification_id     UUID         NOT NULL,
    redrive             INTEGER      NOT NULL,
    channel             VARCHAR(10)  NOT NULL,
    attempt             INTEGER      NOT NULL,
    provider            VARCHAR(50)  NOT NULL,
    outcome             VARCHAR(20)  NOT NULL,
    provider_message_id VARCHAR(255),
    answer              TEXT         NOT NULL,
    latency_ms          BIGINT       NOT NULL,
    at                  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (notification_id, redrive, channel, attempt)
);
-- A provider's report names its own message id; this finds the notification it belongs to.
CREATE INDEX ix_notification_attempt_provider_message
    ON notification_attempt (provider, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
