package com.clinic.scheduling.application.availability;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.CancelHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.DeclareHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarDecider;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent;
import com.clinic.scheduling.domain.availability.BranchCalendarState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced holiday calendar of one branch; created by its first holiday. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class BranchCalendarAggregate
        extends DeciderAggregate<BranchCalendarCommand, BranchCalendarEvent, BranchCalendarState> {

    private static final BranchCalendarDecider DECIDER = new BranchCalendarDecider();

    protected BranchCalendarAggregate() {}

    @Override
    protected Decider<BranchCalendarCommand, BranchCalendarEvent, BranchCalendarState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclareHoliday command) {
        decide(command);
    }

    @CommandHandler
    void handle(CancelHoliday command) {
        decide(command);
    }
}
