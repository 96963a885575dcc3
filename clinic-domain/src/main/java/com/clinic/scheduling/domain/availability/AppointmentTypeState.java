package com.clinic.scheduling.domain.availability;

import java.util.UUID;

/** An appointment type's definition, and whether it can still be booked. */
public sealed interface AppointmentTypeState {

    record None() implements AppointmentTypeState {}

    record Defined(UUID clinicId, BilingualName name, BookingRules rules, boolean virtual, Price price, boolean active)
            implements AppointmentTypeState {}
}
