-- Addresses whose owner said stop (SMS STOP, an unsubscribe, a spam complaint), by the blind index
-- of the address: the list itself holds no phone number or e-mail address. source names who said so.
CREATE TABLE notification_opt_out (
    channel       VARCHAR(10)  NOT NULL,
    address_index VARCHAR(128) NOT NULL,
    source        VARCHAR(100) NOT NULL,
    at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel, address_index)
);
