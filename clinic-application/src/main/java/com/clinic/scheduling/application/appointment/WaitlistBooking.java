package com.clinic.scheduling.application.appointment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the waiting list may ask of bookings: hold a freed slot for the best-ranked patient (empty if
 * someone else won it meanwhile), turn an accepted offer into a booking, and release a declined one.
 * Each call runs in the caller's transaction and claims time the same way every booking does.
 */
public interface WaitlistBooking {

    Optional<UUID> holdForOffer(
            UUID patientId,
            UUID doctorId,
            UUID branchId,
            UUID appointmentTypeId,
            Instant start,
            Instant holdUntil,
            UUID waitlistEntryId);

    void confirmOffer(UUID appointmentId, UUID actingUserId);

    void releaseOffer(UUID appointmentId, UUID actingUserId);
}
