package com.clinic.scheduling.application.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: who an appointment concerns, written in the same transaction as the appointment's events,
 * so that "may this user act on it" is answered consistently even a millisecond after booking.
 */
public interface AppointmentParties {

    record Parties(UUID appointmentId, UUID patientId, UUID doctorId, UUID branchId, UUID clinicId) {}

    Optional<Parties> find(UUID appointmentId);
}
