package com.clinic.scheduling.application.availability;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.CreateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.DeactivateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeCommand.UpdateAppointmentType;
import com.clinic.scheduling.domain.availability.AppointmentTypeDecider;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent;
import com.clinic.scheduling.domain.availability.AppointmentTypeState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced appointment type; changes return the new version for the ETag. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class AppointmentTypeAggregate
        extends DeciderAggregate<AppointmentTypeCommand, AppointmentTypeEvent, AppointmentTypeState> {

    private static final AppointmentTypeDecider DECIDER = new AppointmentTypeDecider();

    protected AppointmentTypeAggregate() {}

    @Override
    protected Decider<AppointmentTypeCommand, AppointmentTypeEvent, AppointmentTypeState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateAppointmentType command) {
        decide(command);
    }

    @CommandHandler
    Long handle(UpdateAppointmentType command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(DeactivateAppointmentType command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }
}
