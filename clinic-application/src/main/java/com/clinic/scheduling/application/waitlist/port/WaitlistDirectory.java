package com.clinic.scheduling.application.waitlist.port;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Port: the facts about branches, doctors and patients the waiting list decides with. The directory
 * context owns them; the adapter reads the directory's read models (eventually consistent).
 */
public interface WaitlistDirectory {

    record BranchFacts(UUID branchId, UUID clinicId, ZoneId zone) {}

    record DoctorFacts(UUID doctorId, UUID clinicId, Set<UUID> branchIds, Set<String> specialties, boolean active) {}

    /** {@code userId} is the patient's login, if they have one: in-app notices can only reach them then. */
    record PatientFacts(
            UUID patientId,
            UUID clinicId,
            UUID homeBranchId,
            Optional<UUID> userId,
            String preferredLanguage,
            boolean erased) {}

    Optional<BranchFacts> branch(UUID branchId);

    Optional<DoctorFacts> doctor(UUID doctorId);

    /** Whether an active doctor of this specialty works at the branch. */
    boolean specialtyAtBranch(String specialty, UUID branchId);

    Optional<PatientFacts> patient(UUID patientId);

    Optional<PatientFacts> patientOfUser(UUID userId);
}
