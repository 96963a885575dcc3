-- Clinic directory read models. Rebuilt from events by the directory projections (a replay
-- truncates and refills them), so nothing here is the source of truth.

-- Trigram indexes make "name contains" search usable on large patient and doctor lists.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE clinic_view (
    clinic_id    UUID         PRIMARY KEY,
    name_ar      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    address      VARCHAR(500) NOT NULL,
    phone        VARCHAR(20)  NOT NULL,
    time_zone    VARCHAR(64)  NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    -- ISO day names, comma-separated (MONDAY,TUESDAY,...): read as a whole, never queried.
    working_days VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX ix_clinic_view_name ON clinic_view (name_en, clinic_id);

CREATE TABLE branch_view (
    branch_id    UUID         PRIMARY KEY,
    clinic_id    UUID         NOT NULL,
    name_ar      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    address      VARCHAR(500) NOT NULL,
    phone        VARCHAR(20)  NOT NULL,
    time_zone    VARCHAR(64)  NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    working_days VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX ix_branch_view_clinic_name ON branch_view (clinic_id, name_en, branch_id);

CREATE TABLE doctor_view (
    doctor_id UUID          PRIMARY KEY,
    user_id   UUID          NOT NULL,
    clinic_id UUID          NOT NULL,
    name_ar   VARCHAR(200)  NOT NULL,
    name_en   VARCHAR(200)  NOT NULL,
    bio_ar    VARCHAR(4000) NOT NULL,
    bio_en    VARCHAR(4000) NOT NULL,
    active    BOOLEAN       NOT NULL,
    version   BIGINT        NOT NULL
);
CREATE INDEX ix_doctor_view_user ON doctor_view (user_id);
CREATE INDEX ix_doctor_view_name ON doctor_view (name_en, doctor_id);

CREATE TABLE doctor_branch (
    doctor_id UUID NOT NULL,
    branch_id UUID NOT NULL,
    PRIMARY KEY (doctor_id, branch_id)
);
CREATE INDEX ix_doctor_branch_branch ON doctor_branch (branch_id);

CREATE TABLE doctor_specialty (
    doctor_id UUID        NOT NULL,
    specialty VARCHAR(50) NOT NULL,
    PRIMARY KEY (doctor_id, specialty)
);
CREATE INDEX ix_doctor_specialty_specialty ON doctor_specialty (specialty);

CREATE TABLE doctor_language (
    doctor_id UUID       NOT NULL,
    language  VARCHAR(2) NOT NULL,
    PRIMARY KEY (doctor_id, language)
);
CREATE INDEX ix_doctor_language_language ON doctor_language (language);

CREATE TABLE doctor_fee (
    doctor_id UUID           NOT NULL,
    branch_id UUID           NOT NULL,
    amount    NUMERIC(12, 2) NOT NULL,
    currency  VARCHAR(3)     NOT NULL,
    PRIMARY KEY (doctor_id, branch_id)
);

-- Names are plain because staff search them; every other personal field is encrypted with the
-- configured column key ("keyId:base64"), and the phone is findable only through its blind index.
-- After erasure (the patient's key is shredded) all personal columns are NULL and erased is true.
CREATE TABLE patient_view (
    patient_id                UUID         PRIMARY KEY,
    clinic_id                 UUID         NOT NULL,
    home_branch_id            UUID         NOT NULL,
    user_id                   UUID,
    name_ar                   VARCHAR(200),
    name_en                   VARCHAR(200),
    date_of_birth_enc         TEXT,
    sex_enc                   TEXT,
    national_id_enc           TEXT,
    passport_number_enc       TEXT,
    phone_enc                 TEXT,
    phone_bidx                VARCHAR(64),
    email_enc                 TEXT,
    emergency_contact_enc     TEXT,
    preferred_language        VARCHAR(2)   NOT NULL,
    consent_treatment         BOOLEAN      NOT NULL,
    consent_data_processing   BOOLEAN      NOT NULL,
    consent_marketing         BOOLEAN      NOT NULL,
    consent_reminders         BOOLEAN      NOT NULL,
    erased                    BOOLEAN      NOT NULL DEFAULT FALSE,
    version                   BIGINT       NOT NULL
);
CREATE INDEX ix_patient_view_user ON patient_view (user_id);
CREATE INDEX ix_patient_view_phone_bidx ON patient_view (phone_bidx);
CREATE INDEX ix_patient_view_scope_name ON patient_view (clinic_id, home_branch_id, name_en, patient_id);

-- jOOQ's DDL parser (which generates the Java types from these files) does not know operator
-- classes; the markers hide the trigram indexes from it, PostgreSQL still runs them.
-- [jooq ignore start]
CREATE INDEX ix_doctor_view_name_en_trgm ON doctor_view USING gin (name_en gin_trgm_ops);
CREATE INDEX ix_doctor_view_name_ar_trgm ON doctor_view USING gin (name_ar gin_trgm_ops);
CREATE INDEX ix_patient_view_name_en_trgm ON patient_view USING gin (name_en gin_trgm_ops);
CREATE INDEX ix_patient_view_name_ar_trgm ON patient_view USING gin (name_ar gin_trgm_ops);
-- [jooq ignore stop]
