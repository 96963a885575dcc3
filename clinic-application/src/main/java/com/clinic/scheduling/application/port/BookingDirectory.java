package com.clinic.scheduling.application.port;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port: the facts about people and places that bookings check (from the directory's read models). */
public interface BookingDirectory {

    record PatientRef(UUID patientId, UUID clinicId, UUID homeBranchId, Optional<UUID> userId, boolean erased) {}

    record DoctorRef(UUID doctorId, UUID userId, UUID clinicId, Set<UUID> branchIds, boolean active) {}

    record BranchRef(UUID branchId, UUID clinicId, ZoneId zone) {}

    Optional<PatientRef> patient(UUID patientId);

    Optional<UUID> patientIdOfUser(UUID userId);

    Optional<DoctorRef> doctor(UUID doctorId);

    Optional<UUID> doctorIdOfUser(UUID userId);

    Optional<BranchRef> branch(UUID branchId);
}
