package com.clinic.directory.application.clinic;

import com.clinic.directory.domain.clinic.ClinicCommand;
import com.clinic.directory.domain.clinic.ClinicCommand.CreateClinic;
import com.clinic.directory.domain.clinic.ClinicCommand.UpdateClinic;
import com.clinic.directory.domain.clinic.ClinicDecider;
import com.clinic.directory.domain.clinic.ClinicEvent;
import com.clinic.directory.domain.clinic.ClinicState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced clinic; all decisions are the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class ClinicAggregate extends DeciderAggregate<ClinicCommand, ClinicEvent, ClinicState> {

    private static final ClinicDecider DECIDER = new ClinicDecider();

    public ClinicAggregate() {}

    @Override
    protected Decider<ClinicCommand, ClinicEvent, ClinicState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateClinic command) {
        decide(command);
    }

    /** Answers the version after the update, which the caller returns as the new ETag. */
    @CommandHandler
    Long handle(UpdateClinic command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }
}
