package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Actor;
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
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentDecider;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldConfirmed;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.AppointmentState;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Event-sourced appointment; Axon routes commands here and the decider judges them. The aggregate's
 * only own work is time: it schedules the durable deadlines that expire a hold and mark a no-show,
 * and turns them back into commands for the decider when they fire.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class AppointmentAggregate extends DeciderAggregate<AppointmentCommand, AppointmentEvent, AppointmentState> {

    private static final AppointmentDecider DECIDER = new AppointmentDecider();

    protected AppointmentAggregate() {}

    @Override
    protected Decider<AppointmentCommand, AppointmentEvent, AppointmentState> decider() {
        return DECIDER;
    }

    static final String HOLD_EXPIRY = "appointment-hold-expiry";
    static final String NO_SHOW_CHECK = "appointment-no-show-check";

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(HoldSlot command, DeadlineManager deadlines) {
        decide(command);
        deadlines.schedule(command.holdUntil(), HOLD_EXPIRY, command.appointmentId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(BookAppointment command, DeadlineManager deadlines, AppointmentPolicy policy) {
        decide(command);
        scheduleNoShowCheck(command.slot(), deadlines, policy);
    }

    @CommandHandler
    void handle(ConfirmHold command, DeadlineManager deadlines, AppointmentPolicy policy) {
        for (AppointmentEvent event : decide(command)) {
            if (event instanceof HoldConfirmed confirmed) {
                scheduleNoShowCheck(confirmed.slot(), deadlines, policy);
            }
        }
    }

    @CommandHandler
    void handle(ExpireHold command) {
        decide(command);
    }

    /** The check for the old time stays scheduled; the decider ignores it as too early, so it needs no cancelling. */
    @CommandHandler
    void handle(Reschedule command, DeadlineManager deadlines, AppointmentPolicy policy) {
        for (AppointmentEvent event : decide(command)) {
            if (event instanceof AppointmentRescheduled moved) {
                scheduleNoShowCheck(moved.to(), deadlines, policy);
            }
        }
    }

    @CommandHandler
    void handle(ReleaseHold command) {
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

    // Deadlines carry the appointment id as payload: Axon reads a deadline handler's first parameter as the payload.
    @DeadlineHandler(deadlineName = HOLD_EXPIRY)
    void onHoldExpiry(UUID appointmentId, Clock clock) {
        decide(new ExpireHold(appointmentId, clock.instant()));
    }

    @DeadlineHandler(deadlineName = NO_SHOW_CHECK)
    void onNoShowCheck(UUID appointmentId, Clock clock, AppointmentPolicy policy) {
        decide(new MarkNoShow(appointmentId, policy.noShowGrace(), true, Actor.SYSTEM_USER_ID, clock.instant()));
    }

    private void scheduleNoShowCheck(AppointmentSlot slot, DeadlineManager deadlines, AppointmentPolicy policy) {
        deadlines.schedule(slot.time().start().plus(policy.noShowGrace()), NO_SHOW_CHECK, UUID.fromString(id()));
    }
}
