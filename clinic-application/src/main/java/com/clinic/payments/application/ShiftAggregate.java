package com.clinic.payments.application;

import com.clinic.payments.domain.shift.ShiftCommand;
import com.clinic.payments.domain.shift.ShiftCommand.CloseShift;
import com.clinic.payments.domain.shift.ShiftCommand.OpenShift;
import com.clinic.payments.domain.shift.ShiftDecider;
import com.clinic.payments.domain.shift.ShiftEvent;
import com.clinic.payments.domain.shift.ShiftState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced desk shift; all decisions are the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class ShiftAggregate extends DeciderAggregate<ShiftCommand, ShiftEvent, ShiftState> {

    private static final ShiftDecider DECIDER = new ShiftDecider();

    public ShiftAggregate() {}

    @Override
    protected Decider<ShiftCommand, ShiftEvent, ShiftState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenShift command) {
        decide(command);
    }

    @CommandHandler
    void handle(CloseShift command) {
        decide(command);
    }
}
