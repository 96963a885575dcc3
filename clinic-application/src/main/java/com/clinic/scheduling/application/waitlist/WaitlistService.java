package com.clinic.scheduling.application.waitlist;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.Reach;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.appointment.WaitlistBooking;
import com.clinic.scheduling.application.availability.AppointmentTypes;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.AcceptOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.DeclineOffer;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.JoinWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistCommand.Withdraw;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistRanking;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining the waiting list and answering offers, with who-may-do-what: patients for themselves;
 * receptionists for patients of their branch; managers within their clinic; admins anywhere. Doctors
 * and auditors may read. An entry outside the caller's scope is answered as not found.
 */
@Service
public class WaitlistService {

    private final Commands commands;
    private final WaitlistReadModel entries;
    private final DirectoryFacts directory;
    private final AppointmentTypes appointmentTypes;
    private final WaitlistBooking booking;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccessPolicy access;

    public WaitlistService(
            Commands commands,
            WaitlistReadModel entries,
            DirectoryFacts directory,
            AppointmentTypes appointmentTypes,
            WaitlistBooking booking,
            IdGenerator ids,
            Clock clock,
            AccessPolicy access) {
        this.access = access;
        this.commands = commands;
        this.entries = entries;
        this.directory = directory;
        this.appointmentTypes = appointmentTypes;
        this.booking = booking;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * What joining returns: the new entry's id, the criteria as recorded, and its place in its queue
     * when it joined (see {@link WaitlistReadModel#positionFor}).
     */
    public record Joined(
            UUID entryId,
            UUID patientId,
            UUID clinicId,
            WaitlistCriteria criteria,
            Urgency urgency,
            Instant joinedAt,
            int position) {}

    public Joined join(Actor actor, JoinRequest request) {
        Reach reach = access.requireRole(actor, SchedulingOperation.JOIN_WAITLIST);
        PatientFacts patient = patientFor(actor, reach, request.patientId());
        BranchFacts branch = directory
                .branch(request.branchId())
                .orElseThrow(() -> new Rejection.NotFound("waitlist.branch-not-found"));
        if (!branch.clinicId().equals(patient.clinicId())) {
            throw new Rejection.RuleViolated("waitlist.branch-of-another-clinic");
        }
        WaitlistCriteria criteria = new WaitlistCriteria(
                request.doctorId(),
                request.specialty().map(String::strip),
                request.branchId(),
                request.appointmentTypeId(),
                request.from(),
                request.to(),
                request.timesOfDay());
        requireTarget(criteria, branch);
        if (appointmentTypes
                .find(request.appointmentTypeId())
                .filter(type -> type.active() && type.clinicId().equals(branch.clinicId()))
                .isEmpty()) {
            throw new Rejection.NotFound("waitlist.appointment-type-not-found");
        }
        Urgency urgency = request.urgency().orElse(Urgency.ROUTINE);
        if (urgency != Urgency.ROUTINE
                && access.reachOf(actor, SchedulingOperation.TRIAGE_WAITLIST).isEmpty()) {
            // Triage is a clinical decision: patients join as routine, staff may raise it.
            throw new Rejection.RuleViolated("waitlist.urgency-for-staff");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, branch.zone());
        if (criteria.to().isBefore(today)) {
            throw new Rejection.RuleViolated("waitlist.window-in-past");
        }
        if (entries.openEntryFor(patient.patientId(), criteria).isPresent()) {
            throw new Rejection.Conflict("waitlist.already-waiting");
        }
        Instant lapsesAt = criteria.to().plusDays(1).atStartOfDay(branch.zone()).toInstant();
        UUID entryId = ids.next();
        commands.request(new JoinWaitlist(
                entryId, patient.patientId(), patient.clinicId(), criteria, urgency, lapsesAt, actor.userId(), now));
        int position = entries.positionFor(criteria, new WaitlistRanking.Key(urgency, now, entryId));
        return new Joined(entryId, patient.patientId(), patient.clinicId(), criteria, urgency, now, position);
    }

    public void withdraw(Actor actor, UUID entryId) {
        WaitlistEntryView entry = visibleEntry(actor, entryId, SchedulingOperation.MANAGE_WAITLIST_ENTRY);
        commands.request(new Withdraw(entry.entryId(), actor.userId(), clock.instant()));
    }

    /**
     * Accepts the live offer (the one with {@code appointmentId}, when given) and turns its hold into
     * a booking, in one transaction: if the booking cannot be confirmed, the entry stays offered.
     * Returns the booked appointment.
     */
    @Transactional
    public UUID accept(Actor actor, UUID entryId, Optional<UUID> appointmentId) {
        WaitlistEntryView entry = visibleEntry(actor, entryId, SchedulingOperation.MANAGE_WAITLIST_ENTRY);
        UUID booked =
                commands.request(new AcceptOffer(entry.entryId(), appointmentId, actor.userId(), clock.instant()));
        booking.confirmOffer(booked, actor.userId());
        return booked;
    }

    /** Declines the live offer; the patient keeps their place and the slot goes to the next patient. */
    public void decline(Actor actor, UUID entryId, Optional<UUID> appointmentId) {
        WaitlistEntryView entry = visibleEntry(actor, entryId, SchedulingOperation.MANAGE_WAITLIST_ENTRY);
        commands.request(new DeclineOffer(entry.entryId(), appointmentId, actor.userId(), clock.instant()));
    }

    public WaitlistEntryView get(Actor actor, UUID entryId) {
        return visibleEntry(actor, entryId, SchedulingOperation.VIEW_WAITLIST);
    }

    /** Patients see their own entries; staff those of a branch (their own below manager) or clinic. */
    public Page<WaitlistEntryView> list(
            Actor actor,
            Optional<UUID> branchId,
            Optional<UUID> doctorId,
            Optional<WaitlistEntryStatus> status,
            PageRequest page) {
        Optional<WaitlistReadModel.Filter> filter =
                switch (access.requireRole(actor, SchedulingOperation.VIEW_WAITLIST)) {
                    // A patient account without a patient record has no entries.
                    case OWN_PATIENT_RECORD ->
                        access.ownPatientRecord(actor)
                                .map(self -> new WaitlistReadModel.Filter(
                                        Optional.of(self), Optional.empty(), branchId, doctorId, status));
                    case OWN_BRANCH -> {
                        UUID clinic = actor.clinicId().orElseThrow(() -> unscoped(actor));
                        UUID own = actor.branchId().orElseThrow(() -> unscoped(actor));
                        // Another branch's list exists, and is refused as such.
                        if (branchId.isPresent()
                                && !access.permits(
                                        actor,
                                        SchedulingOperation.VIEW_WAITLIST,
                                        Target.branch(clinic, branchId.get()))) {
                            throw new AccessRefused(SchedulingOperation.VIEW_WAITLIST.name(), "another branch's list");
                        }
                        // Both clinic and branch, so a branch outside the account's clinic lists nothing.
                        yield Optional.of(new WaitlistReadModel.Filter(
                                Optional.empty(), Optional.of(clinic), Optional.of(own), doctorId, status));
                    }
                    case OWN_CLINIC -> {
                        UUID clinic = actor.clinicId().orElseThrow(() -> unscoped(actor));
                        yield Optional.of(new WaitlistReadModel.Filter(
                                Optional.empty(), Optional.of(clinic), branchId, doctorId, status));
                    }
                    case ANYWHERE ->
                        Optional.of(new WaitlistReadModel.Filter(
                                Optional.empty(), Optional.empty(), branchId, doctorId, status));
                    case OWN_DOCTOR_RECORD -> throw unscoped(actor);
                };
        return filter.map(f -> entries.list(f, page)).orElseGet(() -> new Page<>(List.of(), Optional.empty()));
    }

    private PatientFacts patientFor(Actor actor, Reach reach, Optional<UUID> requested) {
        UUID patientId;
        if (reach == Reach.OWN_PATIENT_RECORD && requested.isEmpty()) {
            patientId = access.ownPatientRecord(actor)
                    .orElseThrow(() -> new Rejection.NotFound("waitlist.patient-not-found"));
        } else {
            patientId = requested.orElseThrow(() -> new Rejection.RuleViolated("waitlist.patient-required"));
        }
        PatientFacts patient = directory
                .patient(patientId)
                .filter(found -> access.permits(actor, SchedulingOperation.JOIN_WAITLIST, homeOf(found)))
                .orElseThrow(() -> new Rejection.NotFound("waitlist.patient-not-found"));
        return requireLiving(patient);
    }

    private static PatientFacts requireLiving(PatientFacts patient) {
        if (patient.erased()) {
            throw new Rejection.NotFound("waitlist.patient-not-found");
        }
        return patient;
    }

    private void requireTarget(WaitlistCriteria criteria, BranchFacts branch) {
        if (criteria.doctorId().isPresent()) {
            DoctorFacts doctor = directory
                    .doctor(criteria.doctorId().get())
                    .filter(DoctorFacts::active)
                    .orElseThrow(() -> new Rejection.NotFound("waitlist.doctor-not-found"));
            if (!doctor.branchIds().contains(branch.branchId())) {
                throw new Rejection.RuleViolated("waitlist.doctor-not-at-branch");
            }
        } else if (!directory.specialtyAtBranch(criteria.specialty().orElseThrow(), branch.branchId())) {
            throw new Rejection.RuleViolated("waitlist.specialty-not-at-branch");
        }
    }

    /**
     * The entry if the caller may reach it, by where it waits or by its patient's home branch;
     * otherwise not found, so its existence is not revealed.
     */
    private WaitlistEntryView visibleEntry(Actor actor, UUID entryId, SchedulingOperation operation) {
        access.requireRole(actor, operation);
        return entries.entry(entryId)
                .filter(entry -> access.permits(
                                actor,
                                operation,
                                Target.branch(entry.clinicId(), entry.branchId())
                                        .ofPatient(entry.patientId()))
                        || directory
                                .patient(entry.patientId())
                                .filter(patient -> access.permits(actor, operation, homeOf(patient)))
                                .isPresent())
                .orElseThrow(() -> new Rejection.NotFound("waitlist.entry-not-found"));
    }

    private static Target homeOf(PatientFacts patient) {
        return Target.branch(patient.clinicId(), patient.homeBranchId()).ofPatient(patient.patientId());
    }

    /** A staff account that carries no clinic or branch cannot be scoped, so it sees nothing. */
    private static AccessRefused unscoped(Actor actor) {
        return new AccessRefused(
                SchedulingOperation.VIEW_WAITLIST.name(), "account " + actor.userId() + " has no scope");
    }
}
