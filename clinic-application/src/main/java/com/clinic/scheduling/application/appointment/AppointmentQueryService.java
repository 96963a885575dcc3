package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
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

    AppointmentQueryService(AppointmentQueries queries, DirectoryFacts directory, Clock clock) {
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
    }

    public AppointmentView find(Actor actor, UUID appointmentId) {
        return queries.find(appointmentId)
                .filter(view -> maySee(actor, view))
                .orElseThrow(() -> new Rejection.NotFound("appointment.not-found"));
    }

    /** One local day of a doctor at a branch, in the branch's time zone. */
    public List<AppointmentView> agenda(Actor actor, UUID doctorId, UUID branchId, LocalDate date) {
        BranchFacts branch = directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        boolean allowed =
                switch (actor.role()) {
                    case ADMIN -> true;
                    case MANAGER, RECEPTIONIST -> actor.worksAt(branch.clinicId(), branchId);
                    case DOCTOR ->
                        actor.worksInClinic(branch.clinicId())
                                && directory
                                        .doctorIdOfUser(actor.userId())
                                        .filter(doctorId::equals)
                                        .isPresent();
                    case PATIENT, AUDITOR -> false;
                };
        if (!allowed) {
            throw new Rejection.NotFound("doctor.not-found");
        }
        return queries.agenda(
                doctorId,
                Optional.of(branchId),
                date.atStartOfDay(branch.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(branch.zone()).toInstant());
    }

    public List<AppointmentView> branchCalendar(
            Actor actor, UUID branchId, Optional<UUID> doctorId, LocalDate from, LocalDate to) {
        BranchFacts branch = directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new Rejection.RuleViolated("calendar.range-invalid", 31);
        }
        boolean allowed =
                switch (actor.role()) {
                    case ADMIN -> true;
                    case MANAGER, RECEPTIONIST -> actor.worksAt(branch.clinicId(), branchId);
                    case DOCTOR, PATIENT, AUDITOR -> false;
                };
        if (!allowed) {
            throw new Rejection.NotFound("branch.not-found");
        }
        return queries.branchCalendar(
                branchId,
                doctorId,
                from.atStartOfDay(branch.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(branch.zone()).toInstant());
    }

    /** The caller's own appointments (patients), or a patient's for staff who may see that patient. */
    public Page<AppointmentView> ofPatient(Actor actor, Optional<UUID> patientId, boolean upcoming, PageRequest page) {
        UUID target =
                switch (actor.role()) {
                    case PATIENT -> {
                        UUID own = directory
                                .patientIdOfUser(actor.userId())
                                .orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
                        if (patientId.isPresent() && !patientId.get().equals(own)) {
                            throw new Rejection.NotFound("patient.not-found");
                        }
                        yield own;
                    }
                    case ADMIN, MANAGER, RECEPTIONIST, DOCTOR -> {
                        UUID requested =
                                patientId.orElseThrow(() -> new Rejection.RuleViolated("appointment.patient-required"));
                        PatientFacts patient = directory
                                .patient(requested)
                                .orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
                        boolean allowed =
                                actor.is(Role.ADMIN) || actor.worksAt(patient.clinicId(), patient.homeBranchId());
                        if (!allowed) {
                            throw new Rejection.NotFound("patient.not-found");
                        }
                        yield requested;
                    }
                    case AUDITOR -> throw new Rejection.NotFound("patient.not-found");
                };
        return queries.ofPatient(target, upcoming, clock.instant(), page);
    }

    private boolean maySee(Actor actor, AppointmentView view) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case MANAGER, RECEPTIONIST -> actor.worksAt(view.clinicId(), view.branchId());
            case DOCTOR ->
                actor.worksInClinic(view.clinicId())
                        && directory
                                .doctorIdOfUser(actor.userId())
                                .filter(view.doctorId()::equals)
                                .isPresent();
            case PATIENT ->
                directory
                        .patientIdOfUser(actor.userId())
                        .filter(view.patientId()::equals)
                        .isPresent();
            case AUDITOR -> false;
        };
    }
}
