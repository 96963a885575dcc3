package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.axon.StandaloneCommands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The waiting list's entry points into bookings: the system acts for the patient the waiting list
 * chose, so there is no actor to check; the time is claimed the same way every booking claims it.
 *
 * <p>Each command is a step of its own ({@link StandaloneCommands}), decided and committed before
 * the call returns: called from inside the waiting list's event handling, a lost race answers
 * "taken, try the next" and leaves the caller's unit of work and transaction untouched.
 */
@Service
class WaitlistSlotHolds implements WaitlistBooking {

    private final StandaloneCommands steps;
    private final DirectoryFacts directory;
    private final SlotSearch slots;
    private final SlotResolver resolver;
    private final Clock clock;
    private final IdGenerator ids;

    WaitlistSlotHolds(
            StandaloneCommands steps,
            DirectoryFacts directory,
            SlotSearch slots,
            SlotResolver resolver,
            Clock clock,
            IdGenerator ids) {
        this.steps = steps;
        this.directory = directory;
        this.slots = slots;
        this.resolver = resolver;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Optional<UUID> holdForOffer(
            UUID patientId,
            UUID doctorId,
            UUID branchId,
            UUID appointmentTypeId,
            Instant start,
            Instant holdUntil,
            UUID waitlistEntryId) {
        Optional<PatientFacts> patient = directory.patient(patientId).filter(p -> !p.erased());
        if (patient.isEmpty() || !slots.isFree(doctorId, branchId, appointmentTypeId, start)) {
            return Optional.empty();
        }
        AppointmentSlot slot = resolver.slotFor(new SlotChoice(doctorId, branchId, appointmentTypeId, start));
        UUID appointmentId = ids.next();
        try {
            steps.request(new HoldSlot(
                    appointmentId,
                    patientId,
                    slot,
                    holdUntil,
                    Actor.SYSTEM_USER_ID,
                    Optional.of(waitlistEntryId),
                    clock.instant()));
        } catch (RuntimeException failure) {
            if (isUnavailableToThePatient(failure)) {
                return Optional.empty();
            }
            throw failure;
        }
        return Optional.of(appointmentId);
    }

    @Override
    public void confirmOffer(UUID appointmentId, UUID actingUserId) {
        steps.request(new ConfirmHold(appointmentId, actingUserId, clock.instant()));
    }

    @Override
    public void releaseOffer(UUID appointmentId, UUID actingUserId) {
        steps.request(new ReleaseHold(appointmentId, actingUserId, clock.instant()));
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
}
