-- How far apart an appointment type's slots start. Until now slots stepped by the duration alone, so
-- a buffer made every other start unbookable once its neighbour was booked; the default is the
-- duration plus both buffers, which is what the existing types get. Events recorded before this carry
-- no interval and are read with the same default, so a replay rebuilds these values exactly.
ALTER TABLE appointment_type ADD COLUMN slot_interval_seconds BIGINT;
UPDATE appointment_type SET slot_interval_seconds = duration_seconds + buffer_before_seconds + buffer_after_seconds;
ALTER TABLE appointment_type ALTER COLUMN slot_interval_seconds SET NOT NULL;
