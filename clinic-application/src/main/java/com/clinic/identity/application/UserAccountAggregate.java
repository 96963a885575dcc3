package com.clinic.identity.application;

import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.identity.domain.UserAccountCommand.ActivateAccount;
import com.clinic.identity.domain.UserAccountCommand.ChangePassword;
import com.clinic.identity.domain.UserAccountCommand.ChangeRole;
import com.clinic.identity.domain.UserAccountCommand.DisableAccount;
import com.clinic.identity.domain.UserAccountCommand.EnableAccount;
import com.clinic.identity.domain.UserAccountCommand.EraseAccount;
import com.clinic.identity.domain.UserAccountCommand.InviteStaffAccount;
import com.clinic.identity.domain.UserAccountCommand.RegisterPatientAccount;
import com.clinic.identity.domain.UserAccountDecider;
import com.clinic.identity.domain.UserAccountEvent;
import com.clinic.identity.domain.UserAccountState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The event-sourced user account; every decision is the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class UserAccountAggregate extends DeciderAggregate<UserAccountCommand, UserAccountEvent, UserAccountState> {

    private static final UserAccountDecider DECIDER = new UserAccountDecider();

    public UserAccountAggregate() {}

    @Override
    protected Decider<UserAccountCommand, UserAccountEvent, UserAccountState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AccountSnapshot handle(RegisterPatientAccount command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AccountSnapshot handle(InviteStaffAccount command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(ActivateAccount command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(ChangeRole command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(DisableAccount command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(EnableAccount command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(EraseAccount command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(ChangePassword command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(UserAccountCommand.RequestPasswordReset command) {
        return decideAndSnapshot(command);
    }

    @CommandHandler
    AccountSnapshot handle(UserAccountCommand.ResetPassword command) {
        return decideAndSnapshot(command);
    }

    private AccountSnapshot decideAndSnapshot(UserAccountCommand command) {
        decide(command);
        if (!(state() instanceof UserAccountState.Existing existing)) {
            throw new IllegalStateException("A user account command left no account behind");
        }
        Long version = AggregateLifecycle.getVersion();
        return AccountSnapshot.of(existing, Objects.requireNonNullElse(version, 0L));
    }
}
