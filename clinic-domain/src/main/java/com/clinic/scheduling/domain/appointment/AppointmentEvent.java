package com.clinic.scheduling.domain.appointment;

import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What happened to an appointment. Events carry ids only; personal data lives in the directory. */
public sealed interface AppointmentEvent extends DomainEvent {

    UUID appointmentId();

    @Override
    default String aggregateId() {
        return appointmentId().toString();
    }

    record SlotHeld(
            UUID appointmentId,
            UUID patientId,
            AppointmentSlot slot,
            Instant holdUntil,
            UUID heldBy,
            Optional<UUID> waitlistEntryId,
            Instant at)
            implements AppointmentEvent {}

    record AppointmentBooked(
            UUID appointmentId,
            UUID patientId,
            AppointmentSlot slot,
            UUID bookedBy,
            Optional<UUID> seriesId,
            Instant at)
            implements AppointmentEvent {}

    record HoldConfirmed(UUID appointmentId, UUID patientId, AppointmentSlot slot, UUID confirmedBy, Instant at)
            implements AppointmentEvent {}

    /** The held slot is free again. */
    record HoldExpired(UUID appointmentId, AppointmentSlot slot, Optional<UUID> waitlistEntryId, Instant at)
            implements AppointmentEvent {}

    /** The appointment moved; {@code from} is free again. */
    record AppointmentRescheduled(
            UUID appointmentId, AppointmentSlot from, AppointmentSlot to, UUID rescheduledBy, Instant at)
            implements AppointmentEvent {}

    /** The slot is free again; {@code late} when cancelled inside the late-cancellation window. */
    record AppointmentCancelled(
            UUID appointmentId,
            AppointmentSlot slot,
            CancellationReason reason,
            String note,
            boolean late,
            boolean wasHold,
            UUID cancelledBy,
            Instant at)
            implements AppointmentEvent {}

    record PatientCheckedIn(UUID appointmentId, UUID patientId, AppointmentSlot slot, UUID checkedInBy, Instant at)
            implements AppointmentEvent {}

    record ConsultationStarted(UUID appointmentId, AppointmentSlot slot, Instant at) implements AppointmentEvent {}

    record AppointmentCompleted(UUID appointmentId, AppointmentSlot slot, Instant consultationStartedAt, Instant at)
            implements AppointmentEvent {}

    record AppointmentMarkedNoShow(
            UUID appointmentId, UUID patientId, AppointmentSlot slot, boolean automatic, Instant at)
            implements AppointmentEvent {}
}
