package com.clinic.scheduling.application.availability;

import java.util.List;
import java.util.UUID;

/** Port: the appointment type read model, beyond the lookup by id that bookings use. */
public interface AppointmentTypeReadModel extends AppointmentTypes {

    /** The clinic's types ordered by English name; inactive ones only when asked for. */
    List<AppointmentTypeView> ofClinic(UUID clinicId, boolean includeInactive);
}
