-- Identity, write side. Credentials never enter the event stream: e-mail and phone are stored
-- encrypted (FieldCipher, "keyId:base64") with a keyed blind index whose UNIQUE constraint refuses a
-- second account with the same login atomically, inside the command's transaction. The role, scope
-- and status columns mirror the aggregate in that same transaction, so sign-in and token checks are
-- primary-key lookups that never wait for a projection.
CREATE TABLE user_credential (
    user_id               UUID         PRIMARY KEY,
    email_encrypted       TEXT,
    email_index           VARCHAR(64),
    phone_encrypted       TEXT,
    phone_index           VARCHAR(64),
    password_hash         VARCHAR(255),
    role                  VARCHAR(32)  NOT NULL,
    clinic_id             UUID,
    branch_id             UUID,
    activated             BOOLEAN      NOT NULL,
    disabled              BOOLEAN      NOT NULL DEFAULT FALSE,
    activation_token_hash VARCHAR(64),
    activation_expires_at TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uk_user_credential_email UNIQUE (email_index),
    CONSTRAINT uk_user_credential_phone UNIQUE (phone_index),
    CONSTRAINT uk_user_credential_activation UNIQUE (activation_token_hash),
    CONSTRAINT ck_user_credential_login CHECK (email_index IS NOT NULL OR phone_index IS NOT NULL)
);

-- A sign-in session: one refresh-token family. Access tokens name it in their "sid" claim, and each
-- request checks it by primary key, so revoking a session stops its access tokens at once.
CREATE TABLE auth_session (
    session_id    UUID        PRIMARY KEY,
    user_id       UUID        NOT NULL REFERENCES user_credential (user_id),
    created_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoke_reason VARCHAR(32)
);
CREATE INDEX ix_auth_session_user ON auth_session (user_id);

-- Refresh tokens by SHA-256; each is usable once (used_at), and presenting a used one revokes the family.
CREATE TABLE refresh_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    family_id  UUID        NOT NULL REFERENCES auth_session (session_id),
    user_id    UUID        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);

-- Failed sign-ins per throttle key (blind indexes of a login or a client address), shared by every
-- instance; rows older than the sliding window are deleted as new failures arrive.
CREATE TABLE login_failure (
    id           BIGSERIAL    PRIMARY KEY,
    throttle_key VARCHAR(100) NOT NULL,
    failed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_login_failure_key_time ON login_failure (throttle_key, failed_at);
CREATE INDEX ix_login_failure_time ON login_failure (failed_at);

-- Read model of the "identity-users" projection, for administrators' listings.
CREATE TABLE user_account_view (
    user_id    UUID        PRIMARY KEY,
    role       VARCHAR(32) NOT NULL,
    status     VARCHAR(16) NOT NULL,
    activated  BOOLEAN     NOT NULL,
    clinic_id  UUID,
    branch_id  UUID,
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_user_account_view_role ON user_account_view (role, user_id);
CREATE INDEX ix_user_account_view_status ON user_account_view (status, user_id);
