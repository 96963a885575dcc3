package com.clinic.scheduling.application.waitlist;

import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to join the waiting list. A patient joining for themselves leaves {@code patientId} empty;
 * staff name the patient. Exactly one of {@code doctorId} and {@code specialty}.
 */
public record JoinRequest(
        Optional<UUID> patientId,
        Optional<UUID> doctorId,
        Optional<String> specialty,
        UUID branchId,
        UUID appointmentTypeId,
        LocalDate from,
        LocalDate to,
        List<TimeOfDayRange> timesOfDay,
        Optional<Urgency> urgency) {}
