package com.clinic.directory.application.clinic;

import com.clinic.directory.domain.branch.BranchCommand;
import com.clinic.directory.domain.branch.BranchCommand.OpenBranch;
import com.clinic.directory.domain.branch.BranchCommand.UpdateBranch;
import com.clinic.directory.domain.branch.BranchDecider;
import com.clinic.directory.domain.branch.BranchEvent;
import com.clinic.directory.domain.branch.BranchState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced branch; all decisions are the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class BranchAggregate extends DeciderAggregate<BranchCommand, BranchEvent, BranchState> {

    private static final BranchDecider DECIDER = new BranchDecider();

    public BranchAggregate() {}

    @Override
    protected Decider<BranchCommand, BranchEvent, BranchState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(OpenBranch command) {
        decide(command);
    }

    @CommandHandler
    Long handle(UpdateBranch command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }
}
