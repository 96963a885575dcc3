package com.clinic.platform.application.access.port;

import java.util.Optional;
import java.util.UUID;

/** The directory records that belong to a user account: what "own" means in a grant. */
public interface ActorRecords {

    /** The active doctor record of the user account, if any. */
    Optional<UUID> activeDoctorOf(UUID userId);

    /** The patient record of the user account that is not erased, if any. */
    Optional<UUID> livingPatientOf(UUID userId);
}
