package com.clinic.scheduling.application.availability;

import java.util.Optional;
import java.util.UUID;

/** Port: appointment types by id (read model). */
public interface AppointmentTypes {

    Optional<AppointmentTypeView> find(UUID appointmentTypeId);
}
