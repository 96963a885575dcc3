package com.clinic.directory.application.port;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Port: the clinic and branch read models (eventually consistent with the event store). */
public interface DirectoryReadModel {

    Optional<ClinicView> clinic(UUID clinicId);

    /** Ordered by English name, then id. */
    Page<ClinicView> clinics(PageRequest page);

    Optional<BranchView> branch(UUID branchId);

    /** Ordered by English name, then id. */
    Page<BranchView> branches(UUID clinicId, PageRequest page);
}
