package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.UUID;

/** What can be asked of an appointment type, the kind of visit a clinic offers (and its rules). */
public sealed interface AppointmentTypeCommand extends AggregateCommand {

    UUID appointmentTypeId();

    UUID requestedBy();

    Instant at();

    @Override
    default String aggregateId() {
        return appointmentTypeId().toString();
    }

    record CreateAppointmentType(
            UUID appointmentTypeId,
            UUID clinicId,
            BilingualName name,
            BookingRules rules,
            boolean virtual,
            Price price,
            UUID requestedBy,
            Instant at)
            implements AppointmentTypeCommand {}

    /** Replaces name, rules, mode and price; bookings already made keep the rules they were made with. */
    record UpdateAppointmentType(
            UUID appointmentTypeId,
            BilingualName name,
            BookingRules rules,
            boolean virtual,
            Price price,
            UUID requestedBy,
            Instant at)
            implements AppointmentTypeCommand {}

    /** No new bookings of this type; existing ones are unaffected. */
    record DeactivateAppointmentType(UUID appointmentTypeId, UUID requestedBy, Instant at)
            implements AppointmentTypeCommand {}
}
