package com.clinic.platform.application.access;

/** How far a role's grant of an operation reaches, measured from the actor's own scope and records. */
public enum Reach {
    /** Every clinic. */
    ANYWHERE,
    /** The actor's own clinic. */
    OWN_CLINIC,
    /** The actor's own branch of their own clinic (a manager's scope is the whole clinic). */
    OWN_BRANCH,
    /** Resources of the actor's own active doctor record, in their own clinic. */
    OWN_DOCTOR_RECORD,
    /** Resources of the actor's own patient record. */
    OWN_PATIENT_RECORD
}
