package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day of the visit: the front desk receives the patient (check-in, or a no-show), the doctor
 * treats them (start, complete).
 */
@Service
public class VisitSteps {

    private final Commands commands;
    private final AppointmentAccess appointments;
    private final AppointmentPolicy policy;
    private final Clock clock;

    VisitSteps(Commands commands, AppointmentAccess appointments, AppointmentPolicy policy, Clock clock) {
        this.commands = commands;
        this.appointments = appointments;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public void checkIn(Actor actor, UUID appointmentId) {
        appointments.authorize(actor, appointmentId, SchedulingOperation.RECEIVE_PATIENT);
        commands.request(new CheckIn(appointmentId, actor.userId(), clock.instant()));
    }

    @Transactional
    public void markNoShow(Actor actor, UUID appointmentId) {
        appointments.authorize(actor, appointmentId, SchedulingOperation.RECEIVE_PATIENT);
        commands.request(new MarkNoShow(appointmentId, policy.noShowGrace(), false, actor.userId(), clock.instant()));
    }

    @Transactional
    public void startConsultation(Actor actor, UUID appointmentId) {
        appointments.authorize(actor, appointmentId, SchedulingOperation.TREAT_PATIENT);
        commands.request(new StartConsultation(appointmentId, actor.userId(), clock.instant()));
    }

    @Transactional
    public void complete(Actor actor, UUID appointmentId) {
        appointments.authorize(actor, appointmentId, SchedulingOperation.TREAT_PATIENT);
        commands.request(new Complete(appointmentId, actor.userId(), clock.instant()));
    }
}
