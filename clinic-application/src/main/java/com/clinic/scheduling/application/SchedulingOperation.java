package com.clinic.scheduling.application;

import static com.clinic.platform.application.access.Grant.anywhere;
import static com.clinic.platform.application.access.Grant.inOwnBranch;
import static com.clinic.platform.application.access.Grant.inOwnClinic;
import static com.clinic.platform.application.access.Grant.ownDoctorRecord;
import static com.clinic.platform.application.access.Grant.ownPatientRecord;
import static com.clinic.platform.application.access.Refusal.asNotFound;
import static com.clinic.platform.application.access.Refusal.forbidden;
import static com.clinic.platform.domain.Role.ADMIN;
import static com.clinic.platform.domain.Role.AUDITOR;
import static com.clinic.platform.domain.Role.DOCTOR;
import static com.clinic.platform.domain.Role.MANAGER;
import static com.clinic.platform.domain.Role.PATIENT;
import static com.clinic.platform.domain.Role.RECEPTIONIST;

import com.clinic.platform.application.access.Grant;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Refusal;
import com.clinic.platform.application.access.Rule;
import java.util.List;

/**
 * Scheduling's access table. Searching slots and reading appointment types and holidays is open to
 * every signed-in account and needs no entry. Targets: an appointment is placed by its branch, its
 * doctor and its patient; a queue by its branch and doctor; a waiting-list entry by its branch and
 * patient, or by the patient's home branch.
 */
public enum SchedulingOperation implements Operation {
    // --- availability ---
    /** Weekly schedules, their exceptions and branch holidays. */
    EDIT_SCHEDULES(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    READ_SCHEDULES(
            forbidden(), anywhere(ADMIN, AUDITOR), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST), ownDoctorRecord()),
    /** Create, edit and retire appointment types, and list the retired ones. */
    ADMINISTER_APPOINTMENT_TYPES(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER)),

    // --- appointments ---
    /** The slot side of a booking or a reschedule: which doctor, at which branch. */
    BOOK_SLOT(
            asNotFound("branch.not-found"),
            anywhere(ADMIN, PATIENT),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownDoctorRecord()),
    /** The patient side of a booking: staff book the patients of their clinic. */
    BOOK_FOR_PATIENT(
            asNotFound("patient.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER, RECEPTIONIST, DOCTOR),
            ownPatientRecord()),
    /** Confirm, reschedule, cancel. */
    CHANGE_APPOINTMENT(
            asNotFound("appointment.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownPatientRecord()),
    /** Check in, mark a no-show. */
    RECEIVE_PATIENT(
            asNotFound("appointment.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Start and complete the consultation. */
    TREAT_PATIENT(
            asNotFound("appointment.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownDoctorRecord()),
    VIEW_APPOINTMENT(
            asNotFound("appointment.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownDoctorRecord(),
            ownPatientRecord()),
    /** A doctor's day at a branch. */
    VIEW_AGENDA(
            asNotFound("doctor.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownDoctorRecord()),
    VIEW_BRANCH_CALENDAR(
            asNotFound("branch.not-found"), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** A patient's appointments; staff reach the patients whose home branch is theirs. */
    LIST_PATIENT_APPOINTMENTS(
            asNotFound("patient.not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST, DOCTOR),
            ownPatientRecord()),
    LIST_OWN_APPOINTMENTS(forbidden(), ownPatientRecord()),
    /** Rebuild the write side's claim tables from the event store: for every clinic at once (ADR 0020). */
    REBUILD_CLAIMS(forbidden(), anywhere(ADMIN)),

    // --- walk-in queue ---
    QUEUE_ISSUE_TICKET(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    QUEUE_PRIORITISE(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    QUEUE_TRANSFER(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    QUEUE_CALL(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), ownDoctorRecord()),
    /** Recall, skip, no-show: who is in the waiting room. */
    QUEUE_ATTEND(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST), ownDoctorRecord()),
    /** Start and finish a walk-in consultation. */
    QUEUE_SERVE(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), ownDoctorRecord()),
    QUEUE_VIEW(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST), ownDoctorRecord()),
    /** A ticket's progress: whoever sees its queue, and its patient; to anyone else it does not exist. */
    QUEUE_VIEW_TICKET(
            asNotFound("queue.ticket-not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownDoctorRecord(),
            ownPatientRecord()),

    // --- waiting list ---
    JOIN_WAITLIST(
            asNotFound("waitlist.patient-not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownPatientRecord()),
    /** Join a patient at a raised urgency: triage is a clinical decision, patients join as routine. */
    TRIAGE_WAITLIST(forbidden(), anywhere(ADMIN), inOwnClinic(MANAGER), inOwnBranch(RECEPTIONIST)),
    /** Withdraw, accept or decline an offer. */
    MANAGE_WAITLIST_ENTRY(
            asNotFound("waitlist.entry-not-found"),
            anywhere(ADMIN),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST),
            ownPatientRecord()),
    VIEW_WAITLIST(
            asNotFound("waitlist.entry-not-found"),
            anywhere(ADMIN, AUDITOR),
            inOwnClinic(MANAGER),
            inOwnBranch(RECEPTIONIST, DOCTOR),
            ownPatientRecord());

    private final Rule rule;

    SchedulingOperation(Refusal refusal, Grant... grants) {
        this.rule = new Rule(refusal, List.of(grants));
    }

    @Override
    public Rule rule() {
        return rule;
    }
}
