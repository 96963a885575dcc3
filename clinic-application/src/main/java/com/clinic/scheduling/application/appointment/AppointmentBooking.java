package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Reach;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking time: a hold to confirm, a booking straight away, a weekly series. The race between two
 * patients for the same time, and between two bookings of one patient at overlapping times, is
 * settled by the claim ledger in the command's transaction; this only refuses what is invalid
 * regardless of races.
 */
@Service
public class AppointmentBooking {

    /** A recurring series is booked all-or-nothing; a year of weekly visits is the useful maximum. */
    public static final int MAX_SERIES = 52;

    private final Commands commands;
    private final DirectoryFacts directory;
    private final SlotResolver slots;
    private final AppointmentPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final AccessPolicy access;

    AppointmentBooking(
            Commands commands,
            DirectoryFacts directory,
            SlotResolver slots,
            AppointmentPolicy policy,
            Clock clock,
            IdGenerator ids,
            AccessPolicy access) {
        this.commands = commands;
        this.directory = directory;
        this.slots = slots;
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
        this.access = access;
    }

    public record Held(UUID appointmentId, Instant holdUntil) {}

    /** Holds a slot for the patient for the policy's hold duration; confirm it to book. */
    @Transactional
    public Held hold(Actor actor, Optional<UUID> patientId, SlotChoice choice) {
        PatientFacts patient = bookablePatient(actor, patientId);
        AppointmentSlot slot = slots.resolve(actor, choice, patient);
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
        AppointmentSlot slot = slots.resolve(actor, choice, patient);
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
        BranchFacts branch = slots.branchOf(first.branchId());
        UUID seriesId = ids.next();
        List<UUID> booked = new ArrayList<>();
        for (int week = 0; week < occurrences; week++) {
            // The same wall-clock time each week, so a daylight-saving change doesn't shift the visit by an hour.
            Instant start = first.start().atZone(branch.zone()).plusWeeks(week).toInstant();
            SlotChoice occurrence =
                    new SlotChoice(first.doctorId(), first.branchId(), first.appointmentTypeId(), start);
            AppointmentSlot slot = slots.resolve(actor, occurrence, patient);
            UUID appointmentId = ids.next();
            commands.request(new BookAppointment(
                    appointmentId, patient.patientId(), slot, actor.userId(), Optional.of(seriesId), clock.instant()));
            booked.add(appointmentId);
        }
        return booked;
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
}
