package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads of appointments, each scoped to what the caller may see. */
@Service
public class AppointmentQueryService {

    private final AppointmentQueries queries;
    private final DirectoryFacts directory;
    private final Clock clock;
    private final AccessPolicy access;

    AppointmentQueryService(AppointmentQueries queries, DirectoryFacts directory, Clock clock, AccessPolicy access) {
        this.access = access;
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
    }

    public AppointmentView find(Actor actor, UUID appointmentId) {
        access.requireRole(actor, SchedulingOperation.VIEW_APPOINTMENT);
        return queries.find(appointmentId)
                .filter(view -> access.permits(
                        actor,
                        SchedulingOperation.VIEW_APPOINTMENT,
                        Target.branch(view.clinicId(), view.branchId())
                                .ofDoctor(view.doctorId())
                                .ofPatient(view.patientId())))
                .orElseThrow(() -> new Rejection.NotFound("appointment.not-found"));
    }

    /** One local day of a doctor at a branch, in the branch's time zone. */
    public List<AppointmentView> agenda(Actor actor, UUID doctorId, UUID branchId, LocalDate date) {
        access.requireRole(actor, SchedulingOperation.VIEW_AGENDA);
        BranchFacts branch = directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        access.require(
                actor,
                SchedulingOperation.VIEW_AGENDA,
                Target.branch(branch.clinicId(), branchId).ofDoctor(doctorId));
        return queries.agenda(
                doctorId,
                Optional.of(branchId),
                date.atStartOfDay(branch.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(branch.zone()).toInstant());
    }

    public List<AppointmentView> branchCalendar(
            Actor actor, UUID branchId, Optional<UUID> doctorId, LocalDate from, LocalDate to) {
        access.requireRole(actor, SchedulingOperation.VIEW_BRANCH_CALENDAR);
        BranchFacts branch = directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new Rejection.RuleViolated("calendar.range-invalid", 31);
        }
        access.require(actor, SchedulingOperation.VIEW_BRANCH_CALENDAR, Target.branch(branch.clinicId(), branchId));
        return queries.branchCalendar(
                branchId,
                doctorId,
                from.atStartOfDay(branch.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(branch.zone()).toInstant());
    }

    /** The caller's own appointments, for patients. */
    public Page<AppointmentView> mine(Actor actor, boolean upcoming, PageRequest page) {
        access.requireRole(actor, SchedulingOperation.LIST_OWN_APPOINTMENTS);
        UUID own = access.ownPatientRecord(actor).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
        return queries.ofPatient(own, upcoming, clock.instant(), page);
    }

    /** A patient's appointments, for the patient themself and for staff who may see that patient. */
    public Page<AppointmentView> ofPatient(Actor actor, UUID patientId, boolean upcoming, PageRequest page) {
        access.requireRole(actor, SchedulingOperation.LIST_PATIENT_APPOINTMENTS);
        PatientFacts patient =
                directory.patient(patientId).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
        access.require(
                actor,
                SchedulingOperation.LIST_PATIENT_APPOINTMENTS,
                Target.branch(patient.clinicId(), patient.homeBranchId()).ofPatient(patientId));
        return queries.ofPatient(patientId, upcoming, clock.instant(), page);
    }
}
