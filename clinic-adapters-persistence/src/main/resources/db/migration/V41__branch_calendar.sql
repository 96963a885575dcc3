-- Branch holidays (local dates of the branch), from the BranchCalendar aggregate.
CREATE TABLE branch_calendar (
    calendar_id UUID   PRIMARY KEY,
    branch_id   UUID   NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT uk_branch_calendar_branch UNIQUE (branch_id)
);

CREATE TABLE branch_holiday (
    branch_id    UUID         NOT NULL,
    holiday_date DATE         NOT NULL,
    name_ar      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    PRIMARY KEY (branch_id, holiday_date)
);
