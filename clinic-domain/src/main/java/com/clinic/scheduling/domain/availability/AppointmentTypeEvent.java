package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** What happened to an appointment type; each event carries the clinic it belongs to. */
public sealed interface AppointmentTypeEvent extends DomainEvent {

    UUID appointmentTypeId();

    UUID clinicId();

    Instant at();

    @Override
    default String aggregateId() {
        return appointmentTypeId().toString();
    }

    record AppointmentTypeCreated(
            UUID appointmentTypeId,
            UUID clinicId,
            BilingualName name,
            BookingRules rules,
            boolean virtual,
            Price price,
            UUID createdBy,
            Instant at)
            implements AppointmentTypeEvent {}

    /** The type's definition from now on (every field, changed or not). */
    record AppointmentTypeUpdated(
            UUID appointmentTypeId,
            UUID clinicId,
            BilingualName name,
            BookingRules rules,
            boolean virtual,
            Price price,
            UUID updatedBy,
            Instant at)
            implements AppointmentTypeEvent {}

    record AppointmentTypeDeactivated(UUID appointmentTypeId, UUID clinicId, UUID deactivatedBy, Instant at)
            implements AppointmentTypeEvent {}
}
