package com.clinic.scheduling;

import java.util.Optional;
import java.util.UUID;

/** What an appointment type is called, in both languages, for whoever tells a patient about a visit. */
public interface AppointmentTypeNames {

    record TypeName(String ar, String en) {}

    Optional<TypeName> nameOf(UUID appointmentTypeId);
}
