-- Walk-in queue, write side: which queue each ticket is in right now (and, for a booked patient,
-- which appointment it holds). Written by the queue's command handlers in the same transaction as the
-- event, so a ticket can be acted on the moment it is issued; a transfer moves the row. Not a read
-- model: never truncated by a replay.
CREATE TABLE queue_ticket_route (
    ticket_id      UUID        PRIMARY KEY,
    queue_id       UUID        NOT NULL,
    doctor_id      UUID        NOT NULL,
    branch_id      UUID        NOT NULL,
    queue_date     DATE        NOT NULL,
    ticket_number  INTEGER     NOT NULL,
    patient_id     UUID,
    appointment_id UUID,
    routed_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_queue_ticket_route_appointment ON queue_ticket_route (appointment_id);
