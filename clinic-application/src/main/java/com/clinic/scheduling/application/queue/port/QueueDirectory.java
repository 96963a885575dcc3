package com.clinic.scheduling.application.queue.port;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The facts about clinics, branches, doctors and patients the queue needs, read from the directory
 * context's read models. Kept behind this port so the queue never depends on directory internals.
 */
public interface QueueDirectory {

    /** A branch's clinic (for managers' scope) and time zone (which day "today" is). */
    record BranchFacts(UUID branchId, UUID clinicId, ZoneId zone) {
        public BranchFacts {
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(clinicId, "clinicId");
            Objects.requireNonNull(zone, "zone");
        }
    }

    Optional<BranchFacts> branch(UUID branchId);

    /** Whether the (active) doctor works at the branch. */
    boolean practisesAt(UUID doctorId, UUID branchId);

    /** The doctor record of a signed-in doctor's user account. */
    Optional<UUID> doctorOfUser(UUID userId);

    /** The patient record of a signed-in patient's user account. */
    Optional<UUID> patientOfUser(UUID userId);

    /** Whether the patient is registered with the clinic (and not erased). */
    boolean isPatientOfClinic(UUID patientId, UUID clinicId);
}
