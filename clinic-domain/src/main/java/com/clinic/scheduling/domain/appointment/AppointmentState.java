package com.clinic.scheduling.domain.appointment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The lifecycle of an appointment; only the states that hold a slot occupy the doctor's time. */
public sealed interface AppointmentState {

    record None() implements AppointmentState {}

    record Held(UUID patientId, AppointmentSlot slot, Instant holdUntil, Optional<UUID> waitlistEntryId)
            implements AppointmentState {}

    record Booked(UUID patientId, AppointmentSlot slot) implements AppointmentState {}

    record CheckedIn(UUID patientId, AppointmentSlot slot, Instant checkedInAt) implements AppointmentState {}

    record InConsultation(UUID patientId, AppointmentSlot slot, Instant startedAt) implements AppointmentState {}

    record Completed(UUID patientId, AppointmentSlot slot) implements AppointmentState {}

    record Cancelled(UUID patientId, AppointmentSlot slot) implements AppointmentState {}

    record Expired(UUID patientId, AppointmentSlot slot) implements AppointmentState {}

    record NoShow(UUID patientId, AppointmentSlot slot) implements AppointmentState {}
}
