package com.clinic.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * What scheduling tells other contexts about an appointment: published (as a Spring application
 * event) by scheduling's facts processor, a tracking event processor, after the command that made it
 * happen has committed. Listeners run synchronously in the processor's transaction, so what they write
 * commits with the processor's position: every fact arrives at least once, never lost, in the order
 * of the appointment's events. A listener may therefore see a fact again (after a failure rolled its
 * transaction back, or a restart before the commit) and must be idempotent on {@link #eventId()}.
 *
 * <p>Times are instants; {@code zone} is the branch's, for whoever shows them on a wall clock.
 * {@code start} and {@code end} are the appointment's own time (without buffers), after the change.
 * Every fact names the patient, even where the stored event does not.
 */
public sealed interface AppointmentChanged {

    /**
     * The identifier of the stored event this fact reports (Axon's event message identifier): the
     * same on every redelivery, so it is the listener's idempotency key.
     */
    UUID eventId();

    UUID appointmentId();

    UUID patientId();

    UUID clinicId();

    UUID branchId();

    UUID doctorId();

    UUID appointmentTypeId();

    Instant start();

    Instant end();

    /** The branch's zone. */
    ZoneId zone();

    /** Whether it is a video consultation. */
    boolean virtual();

    /** When it happened. */
    Instant at();

    /**
     * The slot is held for the patient until {@code holdUntil} (a checkout in progress, or a
     * waiting-list offer: {@code waitlistEntryId}); the hold ends in {@link Booked}, {@link
     * HoldReleased} or {@link Cancelled}.
     */
    record Held(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at,
            Instant holdUntil,
            UUID heldBy,
            Optional<UUID> waitlistEntryId)
            implements AppointmentChanged {}

    /** Booked: straight away, or a hold confirmed ({@code fromHold}); {@code bookedBy} is the acting user. */
    record Booked(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at,
            UUID bookedBy,
            boolean fromHold)
            implements AppointmentChanged {}

    /** The hold ran out unconfirmed; the slot is free again. */
    record HoldReleased(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at)
            implements AppointmentChanged {}

    /**
     * Moved from {@code previousStart}-{@code previousEnd} to {@code start}-{@code end} (doctor and
     * branch may have changed too). {@code byPatient}: the acting user is the patient's own login, so
     * the patient moved it ("you moved") rather than the clinic.
     */
    record Rescheduled(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at,
            Instant previousStart,
            Instant previousEnd,
            UUID rescheduledBy,
            boolean byPatient)
            implements AppointmentChanged {}

    /**
     * Cancelled; the slot is free again. {@code reason} is the cancellation reason's name
     * ({@code PATIENT_REQUEST}, {@code DOCTOR_UNAVAILABLE}, {@code CLINIC_CLOSED}, {@code
     * RESCHEDULED_ELSEWHERE}, {@code OTHER}; the free-text note is not published); {@code late}: inside
     * the late-cancellation window; {@code wasHold}: it was only a hold (a checkout abandoned, or a
     * waiting-list offer's hold given back); {@code byPatient} as for {@link Rescheduled}.
     */
    record Cancelled(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at,
            String reason,
            boolean late,
            boolean wasHold,
            UUID cancelledBy,
            boolean byPatient)
            implements AppointmentChanged {}

    /** The patient arrived (and joined the doctor's queue, when the visit is in person). */
    record CheckedIn(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at)
            implements AppointmentChanged {}

    /** The consultation ended. */
    record Completed(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at)
            implements AppointmentChanged {}

    /** The patient did not come; {@code automatic}: marked by the no-show check, not by a user. */
    record NoShow(
            UUID eventId,
            UUID appointmentId,
            UUID patientId,
            UUID clinicId,
            UUID branchId,
            UUID doctorId,
            UUID appointmentTypeId,
            Instant start,
            Instant end,
            ZoneId zone,
            boolean virtual,
            Instant at,
            boolean automatic)
            implements AppointmentChanged {}
}
