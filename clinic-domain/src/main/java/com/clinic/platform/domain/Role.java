package com.clinic.platform.domain;

/** The roles a user account can hold. */
public enum Role {
    ADMIN,
    MANAGER,
    DOCTOR,
    RECEPTIONIST,
    PATIENT,
    AUDITOR;

    public boolean isStaff() {
        return this != PATIENT;
    }
}
