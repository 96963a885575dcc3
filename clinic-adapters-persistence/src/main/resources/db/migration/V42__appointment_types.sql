-- Appointment types per clinic. Durations are whole seconds (java.time.Duration on both sides);
-- the price keeps up to three decimals for the dinars.
CREATE TABLE appointment_type (
    appointment_type_id    UUID           PRIMARY KEY,
    clinic_id              UUID           NOT NULL,
    name_ar                VARCHAR(200)   NOT NULL,
    name_en                VARCHAR(200)   NOT NULL,
    duration_seconds       BIGINT         NOT NULL,
    buffer_before_seconds  BIGINT         NOT NULL,
    buffer_after_seconds   BIGINT         NOT NULL,
    minimum_notice_seconds BIGINT         NOT NULL,
    horizon_seconds        BIGINT         NOT NULL,
    capacity               INTEGER        NOT NULL,
    is_virtual             BOOLEAN        NOT NULL,
    price_amount           NUMERIC(15, 3) NOT NULL,
    price_currency         VARCHAR(3)     NOT NULL,
    active                 BOOLEAN        NOT NULL,
    version                BIGINT         NOT NULL
);
CREATE INDEX ix_appointment_type_clinic_name ON appointment_type (clinic_id, name_en, appointment_type_id);
