package com.clinic.platform.application.axon;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.DomainEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Base of every event-sourced Axon aggregate: it holds no business logic of its own, only the
 * current state, and hands each command to the pure domain decider. Subclasses declare one
 * {@code @CommandHandler} per command type (Axon routes by concrete payload type) and call
 * {@link #decide(Object)}.
 */
public abstract class DeciderAggregate<C, E extends DomainEvent, S> {

    @AggregateIdentifier
    private String id;

    private S state;

    protected abstract Decider<C, E, S> decider();

    protected final void decide(C command) {
        for (E event : decider().decide(command, state())) {
            AggregateLifecycle.apply(event);
        }
    }

    protected final S state() {
        if (state == null) {
            state = decider().initialState();
        }
        return state;
    }

    @EventSourcingHandler
    @SuppressWarnings("unchecked")
    protected void on(DomainEvent event) {
        id = event.aggregateId();
        state = decider().evolve(state(), (E) event);
    }

    public String id() {
        return id;
    }
}
