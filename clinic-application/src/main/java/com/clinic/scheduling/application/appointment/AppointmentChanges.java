package com.clinic.scheduling.application.appointment;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.port.AppointmentParties.Parties;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing an appointment before the visit: confirming a hold, moving it, cancelling it. */
@Service
public class AppointmentChanges {

    private final Commands commands;
    private final DirectoryFacts directory;
    private final AppointmentAccess appointments;
    private final SlotResolver slots;
    private final AppointmentPolicy policy;
    private final Clock clock;

    AppointmentChanges(
            Commands commands,
            DirectoryFacts directory,
            AppointmentAccess appointments,
            SlotResolver slots,
            AppointmentPolicy policy,
            Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.appointments = appointments;
        this.slots = slots;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public void confirm(Actor actor, UUID appointmentId) {
        Parties appointment = appointments.authorize(actor, appointmentId, SchedulingOperation.CHANGE_APPOINTMENT);
        commands.request(
                new ConfirmHold(appointment.appointmentId(), actor.userId(), clock.instant()), Optional.empty());
    }

    /** Moves the appointment; the old time is released only if the new one is won (one transaction). */
    @Transactional
    public void reschedule(Actor actor, UUID appointmentId, SlotChoice to, Optional<Long> expectedVersion) {
        Parties appointment = appointments.authorize(actor, appointmentId, SchedulingOperation.CHANGE_APPOINTMENT);
        PatientFacts patient = directory.patient(appointment.patientId()).orElseThrow(AppointmentAccess::notFound);
        AppointmentSlot slot = slots.resolve(actor, to, patient);
        commands.request(new Reschedule(appointmentId, slot, actor.userId(), clock.instant()), expectedVersion);
    }

    @Transactional
    public void cancel(
            Actor actor, UUID appointmentId, CancellationReason reason, String note, Optional<Long> expectedVersion) {
        appointments.authorize(actor, appointmentId, SchedulingOperation.CHANGE_APPOINTMENT);
        commands.request(
                new Cancel(
                        appointmentId,
                        reason,
                        note == null ? "" : note,
                        actor.userId(),
                        policy.lateCancelWindow(),
                        clock.instant()),
                expectedVersion);
    }
}
