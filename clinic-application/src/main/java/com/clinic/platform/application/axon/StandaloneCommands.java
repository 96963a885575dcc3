package com.clinic.platform.application.axon;

import java.util.ArrayDeque;
import java.util.Deque;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command through {@link Commands} as a step that stands on its own, for a caller that must
 * survive the command's refusal: the waiting list's offer process, inside an event handler, tries the
 * next patient when a hold is refused. The step is decided, and committed or rolled back, before
 * this returns, whatever the caller is in the middle of. Two boundaries, one per framework:
 *
 * <ul>
 *   <li><b>Axon</b>: a unit of work of its own. Sent from inside another one (an event handler's),
 *       Axon would nest the command's unit of work in it, stage its events there, and store them and
 *       hand them to the subscribing handlers that judge them (the claim ledger, ADR 0007) only when
 *       the outer one commits: the refusal would come too late to try the next patient, and fail the
 *       handler's whole step. So the caller's units of work are set aside while the command runs, and
 *       put back after it.
 *   <li><b>Spring</b>: a transaction of its own ({@code PROPAGATION_REQUIRES_NEW}), on a connection
 *       of its own. Joining the caller's transaction would not do, even inside a savepoint: when a
 *       unit of work rolls back, Axon's connection provider rolls back the JDBC connection it used
 *       outright ({@code UnitOfWorkAwareConnectionProviderWrapper}), which would end the caller's
 *       transaction with it.
 * </ul>
 *
 * <p>What the step did stays done if the caller's transaction later rolls back: a caller that must
 * not leave it behind undoes it itself (the offer process releases a hold whose offer was not
 * recorded).
 */
@Component
public class StandaloneCommands {

    private final Commands commands;
    private final TransactionTemplate ownTransaction;

    public StandaloneCommands(Commands commands, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** As {@link Commands#request(Object)}, committed when it returns; a refusal is thrown, rolled back. */
    public <R> R request(Object command) {
        // Made while the caller's unit of work is current, so that the message carries its correlation
        // data (causation and trace of the event being handled): the audit trail tells why it was sent.
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        Deque<UnitOfWork<?>> setAside = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            setAside.push(current);
        }
        try {
            return ownTransaction.execute(status -> commands.<R>request(message));
        } finally {
            while (!setAside.isEmpty()) {
                CurrentUnitOfWork.set(setAside.pop());
            }
        }
    }
}
