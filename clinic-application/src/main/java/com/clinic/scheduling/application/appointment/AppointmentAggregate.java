package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import com.clinic.scheduling.domain.appointment.AppointmentCommand;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentDecider;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import com.clinic.scheduling.domain.appointment.AppointmentState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced appointment; Axon routes commands here and the decider judges them. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class AppointmentAggregate extends DeciderAggregate<AppointmentCommand, AppointmentEvent, AppointmentState> {

    private static final AppointmentDecider DECIDER = new AppointmentDecider();

    protected AppointmentAggregate() {}

    @Override
    protected Decider<AppointmentCommand, AppointmentEvent, AppointmentState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(HoldSlot command) {
        decide(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(BookAppointment command) {
        decide(command);
    }

    @CommandHandler
    void handle(ConfirmHold command) {
        decide(command);
    }

    @CommandHandler
    void handle(ExpireHold command) {
        decide(command);
    }

    @CommandHandler
    void handle(Reschedule command) {
        decide(command);
    }

    @CommandHandler
    void handle(Cancel command) {
        decide(command);
    }

    @CommandHandler
    void handle(CheckIn command) {
        decide(command);
    }

    @CommandHandler
    void handle(StartConsultation command) {
        decide(command);
    }

    @CommandHandler
    void handle(Complete command) {
        decide(command);
    }

    @CommandHandler
    void handle(MarkNoShow command) {
        decide(command);
    }
}
