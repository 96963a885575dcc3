-- A password reset link in flight, like the activation token beside it: only the SHA-256 of the
-- link's secret, so a copy of the table resets nobody's password. One per account: a new request
-- replaces the link before it, and setting the password or erasing the account clears it.
ALTER TABLE user_credential ADD COLUMN reset_token_hash VARCHAR(64);
ALTER TABLE user_credential ADD COLUMN reset_expires_at TIMESTAMPTZ;
ALTER TABLE user_credential ADD CONSTRAINT uk_user_credential_reset UNIQUE (reset_token_hash);
