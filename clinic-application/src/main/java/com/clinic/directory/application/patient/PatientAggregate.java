package com.clinic.directory.application.patient;

import com.clinic.directory.domain.patient.PatientCommand;
import com.clinic.directory.domain.patient.PatientCommand.ErasePatient;
import com.clinic.directory.domain.patient.PatientCommand.RegisterPatient;
import com.clinic.directory.domain.patient.PatientCommand.UpdatePatient;
import com.clinic.directory.domain.patient.PatientDecider;
import com.clinic.directory.domain.patient.PatientEvent;
import com.clinic.directory.domain.patient.PatientState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced patient record; all decisions are the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class PatientAggregate extends DeciderAggregate<PatientCommand, PatientEvent, PatientState> {

    private static final PatientDecider DECIDER = new PatientDecider();

    public PatientAggregate() {}

    @Override
    protected Decider<PatientCommand, PatientEvent, PatientState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RegisterPatient command) {
        decide(command);
    }

    @CommandHandler
    Long handle(UpdatePatient command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }

    /** Answers the linked login account, if any, so the caller can erase it in the same transaction. */
    @CommandHandler
    Optional<UUID> handle(ErasePatient command) {
        decide(command);
        if (state() instanceof PatientState.Erased erased) {
            return erased.userId();
        }
        throw new IllegalStateException("An erasure left the patient " + command.patientId() + " not erased");
    }
}
