package com.clinic.scheduling.application.appointment;

import java.time.Instant;
import java.util.UUID;

/** A slot as a client picks it from slot search. */
public record SlotChoice(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start) {}
