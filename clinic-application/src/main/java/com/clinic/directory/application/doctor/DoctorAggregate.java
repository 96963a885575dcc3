package com.clinic.directory.application.doctor;

import com.clinic.directory.domain.doctor.DoctorCommand;
import com.clinic.directory.domain.doctor.DoctorCommand.ActivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.DeactivateDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.RegisterDoctor;
import com.clinic.directory.domain.doctor.DoctorCommand.UpdateDoctorProfile;
import com.clinic.directory.domain.doctor.DoctorDecider;
import com.clinic.directory.domain.doctor.DoctorEvent;
import com.clinic.directory.domain.doctor.DoctorState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced doctor entry; all decisions are the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class DoctorAggregate extends DeciderAggregate<DoctorCommand, DoctorEvent, DoctorState> {

    private static final DoctorDecider DECIDER = new DoctorDecider();

    public DoctorAggregate() {}

    @Override
    protected Decider<DoctorCommand, DoctorEvent, DoctorState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RegisterDoctor command) {
        decide(command);
    }

    @CommandHandler
    Long handle(UpdateDoctorProfile command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(DeactivateDoctor command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ActivateDoctor command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }
}
