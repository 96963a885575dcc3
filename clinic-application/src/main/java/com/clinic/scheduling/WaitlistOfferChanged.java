package com.clinic.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What scheduling tells other contexts about a waiting-list offer: published (as a Spring
 * application event) inside the transaction of the step that made it happen, so a listener that
 * writes in that transaction commits or rolls back with it. Times are instants; {@code zone} is the
 * branch's, for whoever shows them on a wall clock.
 */
public sealed interface WaitlistOfferChanged {

    UUID entryId();

    UUID patientId();

    UUID appointmentId();

    UUID doctorId();

    UUID branchId();

    Instant start();

    Instant expiresAt();

    ZoneId zone();

    Instant at();

    /** A freed slot is held for the patient until {@code expiresAt}. */
    record Offered(
            UUID entryId,
            UUID patientId,
            UUID appointmentId,
            UUID doctorId,
            UUID branchId,
            Instant start,
            Instant expiresAt,
            ZoneId zone,
            Instant at)
            implements WaitlistOfferChanged {}

    /** The patient let the offer lapse; the slot moves on to the next candidate. */
    record Expired(
            UUID entryId,
            UUID patientId,
            UUID appointmentId,
            UUID doctorId,
            UUID branchId,
            Instant start,
            Instant expiresAt,
            ZoneId zone,
            Instant at)
            implements WaitlistOfferChanged {}
}
