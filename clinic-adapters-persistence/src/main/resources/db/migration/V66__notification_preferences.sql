-- What each user chose: per category the channels in their order of preference (a JSON object of
-- category to channel names; a category left out keeps the default), and nightly quiet hours on
-- their own clock (all three set, or none). version counts the saves, for If-Match.
CREATE TABLE notification_preference (
    user_id     UUID        PRIMARY KEY,
    channels    JSONB       NOT NULL,
    quiet_from  TIME,
    quiet_until TIME,
    quiet_zone  VARCHAR(64),
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT ck_notification_preference_quiet_hours CHECK (
        (quiet_from IS NULL AND quiet_until IS NULL AND quiet_zone IS NULL)
        OR (quiet_from IS NOT NULL AND quiet_until IS NOT NULL AND quiet_zone IS NOT NULL))
);
