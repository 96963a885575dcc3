-- In-app notifications (a waiting-list offer, ...), written in the same transaction as the step that
-- causes them. Stored as a template key with parameters and rendered when read, in the reader's
-- language, so no personal data or language choice is frozen into the row.
CREATE TABLE in_app_notification (
    id                UUID         PRIMARY KEY,
    recipient_user_id UUID         NOT NULL,
    template          VARCHAR(100) NOT NULL,
    parameters        JSONB        NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    read_at           TIMESTAMPTZ
);
-- A user's inbox, newest first (keyset pagination on created_at, id).
CREATE INDEX ix_in_app_notification_inbox ON in_app_notification (recipient_user_id, created_at DESC, id DESC);
