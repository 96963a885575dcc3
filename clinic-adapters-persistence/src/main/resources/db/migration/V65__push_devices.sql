-- The devices each user's app registered for push messages. A token reaches one device, so it is
-- unique: registering it for another user or device (the phone changed hands) moves it there.
CREATE TABLE push_device (
    user_id       UUID          NOT NULL,
    device_id     VARCHAR(128)  NOT NULL,
    token         VARCHAR(1024) NOT NULL,
    platform      VARCHAR(16)   NOT NULL,
    registered_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (user_id, device_id)
);
CREATE UNIQUE INDEX ux_push_device_token ON push_device (token);
