package com.clinic.directory.application;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Grant.inOwnBranch;
import static com.clinic.platform.application.access.Grant.inOwnClinic;
import static com.clinic.platform.application.access.Grant.ownPatientRecord;
import static com.clinic.platform.application.access.Refusal.asNotFound;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.DOCTOR;
import static com.clinic.platform.domain.Role.MANAGER;
import static com.clinic.platform.domain.Role.RECEPTIONIST;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import java.util.List;

/**
 * The directory's access table. Reading clinics, branches and doctors is open to every signed-in
 * account and needs no entry. Auditors reach no patient record: they read the audit trail.
 */
public enum DirectoryOperation implements Operation {
    CREATE_CLINIC(forbidden(), anywhere(ADMIN)),
    /** Edit a clinic, open and edit its branches, register and edit its doctors. */
    ADMINISTER_CLINIC(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER)),
    REGISTER_PATIENT(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(DOCTOR, RECEPTIONIST)),
    SEARCH_PATIENTS(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(DOCTOR, RECEPTIONIST)),
    /** Read and edit a patient record; the patient's home branch places it. */
    OPEN_PATIENT_RECORD(
            asNotFound("patient.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(DOCTOR, RECEPTIONIST),
            ownPatientRecord()),
    OPEN_OWN_PATIENT_RECORD(forbidden(), ownPatientRecord()),
    ERASE_PATIENT(asNotFound("patient.not-found"), anywhere(ADMIN), ownPatientRecord());

    private final Rule rule;

    DirectoryOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
