package com.clinic.platform.application.access;

import com.clinic.platform.domain.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One line of an operation's rule: these roles may do it, within this reach. */
public record Grant(List<Role> roles, Reach reach) {

    public Grant {
        roles = List.copyOf(roles);
        Objects.requireNonNull(reach, "reach");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a grant names at least one role");
        }
    }

    public static Grant anywhere(Role... roles) {
        return new Grant(Arrays.asList(roles), Reach.ANYWHERE);
    }

    public static Grant inOwnClinic(Role... roles) {
        return new Grant(Arrays.asList(roles), Reach.OWN_CLINIC);
    }

    public static Grant inOwnBranch(Role... roles) {
        return new Grant(Arrays.asList(roles), Reach.OWN_BRANCH);
    }

    /** A doctor, for what concerns their own doctor record. */
    public static Grant ownDoctorRecord() {
        return new Grant(List.of(Role.DOCTOR), Reach.OWN_DOCTOR_RECORD);
    }

    /** A patient, for what concerns their own patient record. */
    public static Grant ownPatientRecord() {
        return new Grant(List.of(Role.PATIENT), Reach.OWN_PATIENT_RECORD);
    }
}
