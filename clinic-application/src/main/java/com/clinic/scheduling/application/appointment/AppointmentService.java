package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Reach;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.availability.AppointmentTypes;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.application.port.AppointmentParties;
import com.clinic.scheduling.application.port.AppointmentParties.Parties;
import com.clinic.scheduling.domain.appointment.AppointmentCommand;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking use cases: who may book or change what, and turning a chosen slot into the appointment's
 * exact times. The race between two patients for the same time, and between two bookings of one
 * patient at overlapping times, is settled by the claim ledger in the command's transaction; this
 * service only refuses what is invalid regardless of races.
 */
@Service
public class AppointmentService implements WaitlistBooking {

    /** A recurring series is booked all-or-nothing; a year of weekly visits is the useful maximum. */
    public static final int MAX_SERIES = 52;

    private final Commands commands;
    private final DirectoryFacts directory;
    private final AppointmentParties parties;
    private final AppointmentTypes types;
    private final SlotSearch slots;
    private final AppointmentPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final AccessPolicy access;

    AppointmentService(
            Commands commands,
            DirectoryFacts directory,
            AppointmentParties parties,
            AppointmentTypes types,
            SlotSearch slots,
            AppointmentPolicy policy,
            Clock clock,
            IdGenerator ids,
            AccessPolicy access) {
        this.commands = commands;
        this.directory = directory;
        this.parties = parties;
        this.types = types;
        this.slots = slots;
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
        this.access = access;
    }

    /** A slot as a client picks it from slot search. */
    public record SlotChoice(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start) {}

    public record Held(UUID appointmentId, Instant holdUntil) {}

    /** Holds a slot for the patient for the policy's hold duration; confirm it to book. */
    @Transactional
    public Held hold(Actor actor, Optional<UUID> patientId, SlotChoice choice) {
        PatientFacts patient = bookablePatient(actor, patientId);
        AppointmentSlot slot = resolve(actor, choice, patient);
        Instant now = clock.instant();
        Instant until = now.plus(policy.holdDuration());
        UUID appointmentId = ids.next();
        commands.request(
                new HoldSlot(appointmentId, patient.patientId(), slot, until, actor.userId(), Optional.empty(), now));
        return new Held(appointmentId, until);
    }

    /** Books straight away (reception at the desk, or a patient skipping the hold). */
    @Transactional
    public UUID book(Actor actor, Optional<UUID> patientId, SlotChoice choice) {
        PatientFacts patient = bookablePatient(actor, patientId);
        AppointmentSlot slot = resolve(actor, choice, patient);
        UUID appointmentId = ids.next();
        commands.request(new BookAppointment(
                appointmentId, patient.patientId(), slot, actor.userId(), Optional.empty(), clock.instant()));
        return appointmentId;
    }

    /** Weekly series: every occurrence is claimed in one transaction, so either all are booked or none. */
    @Transactional
    public List<UUID> bookWeeklySeries(Actor actor, Optional<UUID> patientId, SlotChoice first, int occurrences) {
        if (occurrences < 2 || occurrences > MAX_SERIES) {
            throw new Rejection.RuleViolated("appointment.series-size", 2, MAX_SERIES);
        }
        PatientFacts patient = bookablePatient(actor, patientId);
        BranchFacts branch = branchOf(first.branchId());
        UUID seriesId = ids.next();
        List<UUID> booked = new ArrayList<>();
        for (int week = 0; week < occurrences; week++) {
            // The same wall-clock time each week, so a daylight-saving change doesn't shift the visit by an hour.
            Instant start = first.start().atZone(branch.zone()).plusWeeks(week).toInstant();
            SlotChoice occurrence =
                    new SlotChoice(first.doctorId(), first.branchId(), first.appointmentTypeId(), start);
            AppointmentSlot slot = resolve(actor, occurrence, patient);
            UUID appointmentId = ids.next();
            commands.request(new BookAppointment(
                    appointmentId, patient.patientId(), slot, actor.userId(), Optional.of(seriesId), clock.instant()));
            booked.add(appointmentId);
        }
        return booked;
    }

    @Transactional
    public void confirm(Actor actor, UUID appointmentId) {
        Parties appointment = authorize(actor, appointmentId, SchedulingOperation.CHANGE_APPOINTMENT);
        send(new ConfirmHold(appointment.appointmentId(), actor.userId(), clock.instant()), Optional.empty());
    }

    /** Moves the appointment; the old time is released only if the new one is won (one transaction). */
    @Transactional
    public void reschedule(Actor actor, UUID appointmentId, SlotChoice to, Optional<Long> expectedVersion) {
        Parties appointment = authorize(actor, appointmentId, SchedulingOperation.CHANGE_APPOINTMENT);
        PatientFacts patient = directory.patient(appointment.patientId()).orElseThrow(() -> notFound());
        AppointmentSlot slot = resolve(actor, to, patient);
        send(new Reschedule(appointmentId, slot, actor.userId(), clock.instant()), expectedVersion);
    }

    @Transactional
    public void cancel(
            Actor actor, UUID appointmentId, CancellationReason reason, String note, Optional<Long> expectedVersion) {
        authorize(actor, appointmentId, SchedulingOperation.CHANGE_APPOINTMENT);
        send(
                new Cancel(
                        appointmentId,
                        reason,
                        note == null ? "" : note,
                        actor.userId(),
                        policy.lateCancelWindow(),
                        clock.instant()),
                expectedVersion);
    }

    @Transactional
    public void checkIn(Actor actor, UUID appointmentId) {
        authorize(actor, appointmentId, SchedulingOperation.RECEIVE_PATIENT);
        send(new CheckIn(appointmentId, actor.userId(), clock.instant()), Optional.empty());
    }

    @Transactional
    public void startConsultation(Actor actor, UUID appointmentId) {
        authorize(actor, appointmentId, SchedulingOperation.TREAT_PATIENT);
        send(new StartConsultation(appointmentId, actor.userId(), clock.instant()), Optional.empty());
    }

    @Transactional
    public void complete(Actor actor, UUID appointmentId) {
        authorize(actor, appointmentId, SchedulingOperation.TREAT_PATIENT);
        send(new Complete(appointmentId, actor.userId(), clock.instant()), Optional.empty());
    }

    @Transactional
    public void markNoShow(Actor actor, UUID appointmentId) {
        authorize(actor, appointmentId, SchedulingOperation.RECEIVE_PATIENT);
        send(
                new MarkNoShow(appointmentId, policy.noShowGrace(), false, actor.userId(), clock.instant()),
                Optional.empty());
    }

    // --- The waiting list's entry points: the system acts for the patient it chose. ---
    //
    // Each is an independent step with its own unit of work and transaction, run on a fresh thread:
    // called from inside the waiting list's event handling, a lost race would otherwise mark the
    // caller's whole transaction rollback-only instead of simply answering "taken, try the next".

    @Override
    public Optional<UUID> holdForOffer(
            UUID patientId,
            UUID doctorId,
            UUID branchId,
            UUID appointmentTypeId,
            Instant start,
            Instant holdUntil,
            UUID waitlistEntryId) {
        return isolated(() -> {
            Optional<PatientFacts> patient = directory.patient(patientId).filter(p -> !p.erased());
            if (patient.isEmpty() || !slots.isFree(doctorId, branchId, appointmentTypeId, start)) {
                return Optional.<UUID>empty();
            }
            AppointmentSlot slot = slotFor(new SlotChoice(doctorId, branchId, appointmentTypeId, start), patient.get());
            UUID appointmentId = ids.next();
            try {
                commands.request(new HoldSlot(
                        appointmentId,
                        patientId,
                        slot,
                        holdUntil,
                        Actor.SYSTEM_USER_ID,
                        Optional.of(waitlistEntryId),
                        clock.instant()));
            } catch (RuntimeException failure) {
                if (isUnavailableToThePatient(failure)) {
                    return Optional.<UUID>empty();
                }
                throw failure;
            }
            return Optional.of(appointmentId);
        });
    }

    @Override
    public void confirmOffer(UUID appointmentId, UUID actingUserId) {
        isolated(() -> commands.request(new ConfirmHold(appointmentId, actingUserId, clock.instant())));
    }

    @Override
    public void releaseOffer(UUID appointmentId, UUID actingUserId) {
        isolated(() -> commands.request(new ReleaseHold(appointmentId, actingUserId, clock.instant())));
    }

    private static <T> T isolated(Callable<T> step) {
        try (ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor()) {
            return thread.submit(step).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while booking for the waiting list", interrupted);
        }
    }

    // --- rules ---

    private Parties authorize(Actor actor, UUID appointmentId, SchedulingOperation operation) {
        access.requireRole(actor, operation);
        Parties appointment = parties.find(appointmentId).orElseThrow(() -> notFound());
        access.require(
                actor,
                operation,
                Target.branch(appointment.clinicId(), appointment.branchId())
                        .ofDoctor(appointment.doctorId())
                        .ofPatient(appointment.patientId()));
        return appointment;
    }

    /** The patient the booking is for: a patient books for themself, staff name a patient of their clinic. */
    private PatientFacts bookablePatient(Actor actor, Optional<UUID> requested) {
        Reach reach = access.requireRole(actor, SchedulingOperation.BOOK_FOR_PATIENT);
        UUID patientId;
        if (reach == Reach.OWN_PATIENT_RECORD && requested.isEmpty()) {
            patientId = access.ownPatientRecord(actor)
                    .orElseThrow(() -> new Rejection.RuleViolated("appointment.no-patient-record"));
        } else {
            patientId = requested.orElseThrow(() -> new Rejection.RuleViolated("appointment.patient-required"));
        }
        PatientFacts patient =
                directory.patient(patientId).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
        access.require(
                actor,
                SchedulingOperation.BOOK_FOR_PATIENT,
                Target.clinic(patient.clinicId()).ofPatient(patient.patientId()));
        if (patient.erased()) {
            throw new Rejection.Conflict("patient.erased");
        }
        return patient;
    }

    /** Checks the choice against the doctor, branch, type and schedule, and the caller's reach. */
    private AppointmentSlot resolve(Actor actor, SlotChoice choice, PatientFacts patient) {
        BranchFacts branch = branchOf(choice.branchId());
        access.require(
                actor,
                SchedulingOperation.BOOK_SLOT,
                Target.branch(branch.clinicId(), branch.branchId()).ofDoctor(choice.doctorId()));
        if (!patient.clinicId().equals(branch.clinicId())) {
            throw new Rejection.RuleViolated("appointment.patient-of-another-clinic");
        }
        // An unknown doctor or type is not found, rather than a time off some grid of theirs.
        AppointmentSlot slot = slotFor(choice, patient);
        switch (slots.availability(choice.doctorId(), choice.branchId(), choice.appointmentTypeId(), choice.start())) {
            case FREE -> {}
            // Never bookable as asked, whoever else books what: the client must pick a start search offers.
            case OFF_GRID -> throw new Rejection.RuleViolated("appointment.off-grid");
            // A real slot, but not now: taken, or too soon or too far ahead. Searching again helps.
            case TAKEN, OUTSIDE_BOOKING_WINDOW -> throw new Rejection.Conflict("appointment.slot-unavailable");
        }
        return slot;
    }

    private AppointmentSlot slotFor(SlotChoice choice, PatientFacts patient) {
        BranchFacts branch = branchOf(choice.branchId());
        DoctorFacts doctor = directory
                .doctor(choice.doctorId())
                .filter(DoctorFacts::active)
                .filter(d -> d.branchIds().contains(branch.branchId()))
                .orElseThrow(() -> new Rejection.NotFound("doctor.not-found"));
        AppointmentTypeView type = types.find(choice.appointmentTypeId())
                .filter(AppointmentTypeView::active)
                .filter(t -> t.clinicId().equals(branch.clinicId()))
                .orElseThrow(() -> new Rejection.NotFound("appointment-type.not-found"));
        TimeRange time =
                new TimeRange(choice.start(), choice.start().plus(type.rules().duration()));
        return new AppointmentSlot(
                branch.clinicId(),
                branch.branchId(),
                doctor.doctorId(),
                type.appointmentTypeId(),
                time,
                type.rules().blocked(time),
                type.virtual(),
                type.rules().capacity());
    }

    private BranchFacts branchOf(UUID branchId) {
        return directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
    }

    private void send(AppointmentCommand command, Optional<Long> expectedVersion) {
        commands.request(command, expectedVersion);
    }

    /**
     * Someone else won the time, or the patient has another appointment overlapping it: either way
     * this start cannot be offered to them, and the waiting list tries their next one.
     */
    private static boolean isUnavailableToThePatient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejection.Conflict conflict
                    && (conflict.code().equals("appointment.slot-taken")
                            || conflict.code().equals("appointment.patient-busy"))) {
                return true;
            }
        }
        return false;
    }

    private static Rejection notFound() {
        return new Rejection.NotFound("appointment.not-found");
    }
}
