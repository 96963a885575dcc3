package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the appointment read model. */
public interface AppointmentQueries {

    Optional<AppointmentView> find(UUID appointmentId);

    /** A doctor's appointments starting in {@code [from, to)}, in start order, cancelled and expired ones left out. */
    List<AppointmentView> agenda(UUID doctorId, Optional<UUID> branchId, Instant from, Instant to);

    /** A branch's appointments starting in {@code [from, to)}, optionally for one doctor. */
    List<AppointmentView> branchCalendar(UUID branchId, Optional<UUID> doctorId, Instant from, Instant to);

    /** Upcoming ones ascending from {@code now}, or past ones descending before it, keyset-paginated. */
    Page<AppointmentView> ofPatient(UUID patientId, boolean upcoming, Instant now, PageRequest page);
}
