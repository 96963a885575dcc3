-- The dispatcher stores an in-app message already rendered, in the recipient's language, under the
-- notification's own id. Rows written before keep their template and parameters and are rendered
-- when read; these columns stay empty for them.
ALTER TABLE in_app_notification ADD COLUMN title VARCHAR(500);
ALTER TABLE in_app_notification ADD COLUMN body TEXT;
ALTER TABLE in_app_notification ADD COLUMN language VARCHAR(8);
ALTER TABLE in_app_notification ADD CONSTRAINT ck_in_app_notification_rendered
    CHECK ((body IS NULL AND title IS NULL AND language IS NULL) OR (body IS NOT NULL AND language IS NOT NULL));
-- A user's unread count, which every new notice and every read changes.
CREATE INDEX ix_in_app_notification_unread ON in_app_notification (recipient_user_id) WHERE read_at IS NULL;
