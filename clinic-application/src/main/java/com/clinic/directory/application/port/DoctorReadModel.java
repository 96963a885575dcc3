package com.clinic.directory.application.port;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Port: the doctor read model. */
public interface DoctorReadModel {

    /** Every criterion is optional; {@code name} matches either name, case-insensitively, anywhere. */
    record Search(
            Optional<String> specialty,
            Optional<UUID> branchId,
            Optional<String> language,
            Optional<String> name,
            Optional<UUID> clinicId,
            Optional<Boolean> active) {

        public static Search everything() {
            return new Search(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    Optional<DoctorView> doctor(UUID doctorId);

    Optional<DoctorView> doctorOfUser(UUID userId);

    /** Ordered by English name, then id. */
    Page<DoctorView> search(Search search, PageRequest page);
}
