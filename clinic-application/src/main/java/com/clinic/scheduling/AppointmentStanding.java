package com.clinic.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an appointment still holds its time, asked by a context about to tell the patient about
 * it (a reminder due now). Answered from the appointment's own events, not a read model, so a
 * cancellation or a move committed a moment ago is already seen.
 */
public interface AppointmentStanding {

    /** Held (a hold not yet confirmed) or booked (confirmed, checked in, in consultation). */
    enum Standing {
        HELD,
        BOOKED
    }

    /** What an appointment holds now. */
    record Holding(Standing standing, UUID patientId, Instant start) {}

    /** Empty when the appointment is unknown, cancelled, expired, completed or a no-show. */
    Optional<Holding> current(UUID appointmentId);
}
