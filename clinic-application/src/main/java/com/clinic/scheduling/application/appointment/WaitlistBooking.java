package com.clinic.scheduling.application.appointment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the waiting list may ask of bookings: hold a freed slot for the best-ranked patient (empty if
 * someone else won it meanwhile), turn an accepted offer into a booking, and release a declined one.
 * Each call claims time the same way every booking does, as a step of its own: decided and committed
 * before it returns, even from inside an event handler's unit of work, and a refusal leaves the
 * caller's transaction untouched. So a hold outlives a failure of the caller's own step unless the
 * caller releases it (the offer process does, ADR 0007).
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
