-- Token buckets of the sign-in and registration limits (Bucket4j's PostgreSQL layout), shared by every
-- instance. A row is locked (SELECT ... FOR UPDATE) while an attempt is taken from it, so parallel
-- attempts on one key cannot both see the last token. expires_at (epoch millis) is when the bucket has
-- refilled completely and can be forgotten.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(160) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX ix_rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);

-- Replaced by the buckets: counting rows first and inserting after the hash let parallel guesses through.
DROP TABLE login_failure;
