package com.clinic.scheduling.domain.appointment;

import com.clinic.platform.domain.AggregateCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Everything that can be asked of one appointment. Time arrives in the command ({@code at}). */
public sealed interface AppointmentCommand extends AggregateCommand {

    UUID appointmentId();

    Instant at();

    @Override
    default String aggregateId() {
        return appointmentId().toString();
    }

    /** Reserve a slot for a short time while the patient decides (or the waiting list offers it). */
    record HoldSlot(
            UUID appointmentId,
            UUID patientId,
            AppointmentSlot slot,
            Instant holdUntil,
            UUID requestedBy,
            Optional<UUID> waitlistEntryId,
            Instant at)
            implements AppointmentCommand {}

    /** Book straight away, without a hold. */
    record BookAppointment(
            UUID appointmentId,
            UUID patientId,
            AppointmentSlot slot,
            UUID requestedBy,
            Optional<UUID> seriesId,
            Instant at)
            implements AppointmentCommand {}

    /** Turn a live hold into a booking. */
    record ConfirmHold(UUID appointmentId, UUID requestedBy, Instant at) implements AppointmentCommand {}

    /** Sent by the hold's deadline; harmless if the hold was confirmed or cancelled meanwhile. */
    record ExpireHold(UUID appointmentId, Instant at) implements AppointmentCommand {}

    /**
     * Give back a hold that was never confirmed (a declined or lapsed waiting-list offer). Unlike
     * {@link Cancel} it never touches a booking: once confirmed, the appointment is the patient's.
     */
    record ReleaseHold(UUID appointmentId, UUID requestedBy, Instant at) implements AppointmentCommand {}

    record Reschedule(UUID appointmentId, AppointmentSlot newSlot, UUID requestedBy, Instant at)
            implements AppointmentCommand {}

    record Cancel(
            UUID appointmentId,
            CancellationReason reason,
            String note,
            UUID requestedBy,
            Duration lateCancelWindow,
            Instant at)
            implements AppointmentCommand {}

    record CheckIn(UUID appointmentId, UUID requestedBy, Instant at) implements AppointmentCommand {}

    record StartConsultation(UUID appointmentId, UUID requestedBy, Instant at) implements AppointmentCommand {}

    record Complete(UUID appointmentId, UUID requestedBy, Instant at) implements AppointmentCommand {}

    /**
     * Mark a no-show. {@code automatic} comes from the no-show deadline: it is silently ignored when
     * the patient checked in or the appointment was cancelled in the meantime; a manual one is refused.
     */
    record MarkNoShow(UUID appointmentId, Duration grace, boolean automatic, UUID requestedBy, Instant at)
            implements AppointmentCommand {}
}
