-- Availability read models: doctor schedules, branch holidays. Rebuilt from events by the
-- "scheduling-availability" projections (a replay truncates and refills them). Slot search reads
-- them together with the write-side slot_claim table (V44); free slots are never stored.

-- One row per doctor and branch that has a schedule; version is the aggregate's, used as the ETag.
CREATE TABLE doctor_schedule (
    schedule_id UUID   PRIMARY KEY,
    doctor_id   UUID   NOT NULL,
    branch_id   UUID   NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT uk_doctor_schedule_doctor_branch UNIQUE (doctor_id, branch_id)
);
-- Specialty search starts from a branch and finds its doctors' schedules.
CREATE INDEX ix_doctor_schedule_branch_doctor ON doctor_schedule (branch_id, doctor_id);

-- The weekly patterns with their validity; effective_to NULL means open-ended. A pattern without
-- intervals (the doctor does not work in that period) exists only here.
CREATE TABLE schedule_working_period (
    schedule_id    UUID NOT NULL,
    effective_from DATE NOT NULL,
    effective_to   DATE,
    PRIMARY KEY (schedule_id, effective_from)
);

-- One row per weekly interval, carrying its pattern's validity so slot search reads one table.
-- day_of_week is ISO (1 = Monday ... 7 = Sunday); times are the branch's wall-clock times.
CREATE TABLE schedule_working_interval (
    schedule_id    UUID     NOT NULL,
    effective_from DATE     NOT NULL,
    effective_to   DATE,
    day_of_week    SMALLINT NOT NULL,
    start_time     TIME     NOT NULL,
    end_time       TIME     NOT NULL,
    PRIMARY KEY (schedule_id, effective_from, day_of_week, start_time),
    CONSTRAINT ck_schedule_working_interval_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_schedule_working_interval_order CHECK (start_time < end_time)
);

-- Local wall-clock periods in the branch zone (TIMESTAMP WITHOUT TIME ZONE on purpose: a time off
-- "from 9:00" stays 9:00 whatever the offset that day).
CREATE TABLE schedule_time_off (
    time_off_id UUID      PRIMARY KEY,
    schedule_id UUID      NOT NULL,
    start_local TIMESTAMP NOT NULL,
    end_local   TIMESTAMP NOT NULL,
    CONSTRAINT ck_schedule_time_off_order CHECK (start_local < end_local)
);
CREATE INDEX ix_schedule_time_off_schedule_end ON schedule_time_off (schedule_id, end_local);

CREATE TABLE schedule_extra_session (
    session_id  UUID      PRIMARY KEY,
    schedule_id UUID      NOT NULL,
    start_local TIMESTAMP NOT NULL,
    end_local   TIMESTAMP NOT NULL,
    CONSTRAINT ck_schedule_extra_session_order CHECK (start_local < end_local)
);
CREATE INDEX ix_schedule_extra_session_schedule_start ON schedule_extra_session (schedule_id, start_local);
