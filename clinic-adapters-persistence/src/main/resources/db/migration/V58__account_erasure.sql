-- Erasure of a patient reaches their login account: the encrypted e-mail and phone, their blind
-- indexes and the password hash are removed and erased_at is set. The row itself stays, because
-- sessions refer to it and its id is what the account's (personal-data-free) events are about.
ALTER TABLE user_credential ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE user_credential DROP CONSTRAINT ck_user_credential_login;
ALTER TABLE user_credential ADD CONSTRAINT ck_user_credential_login
    CHECK (email_index IS NOT NULL OR phone_index IS NOT NULL OR erased_at IS NOT NULL);
