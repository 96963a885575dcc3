package com.clinic.platform.bootstrap;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store wakes its event producer (which feeds every streaming processor) when
 * the unit of work commits. Our application services open the Spring transaction themselves, so the
 * unit of work "commits" inside it and the wake-up came before the rows were visible: processors then
 * slept for the whole fetch delay, and every write waiting for read-your-writes took over a second.
 * This store also wakes the producer after the enclosing Spring transaction commits.
 */
final class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommitAwareEventStore.super.afterCommit(events);
                }
            });
        }
    }
}
