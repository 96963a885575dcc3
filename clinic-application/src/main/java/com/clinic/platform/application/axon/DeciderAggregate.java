package com.clinic.platform.application.axon;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.DomainEvent;
import java.util.List;
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

    /** Applies what the decider decides and returns it, so a handler can tell a no-op retry from a change. */
    protected final List<E> decide(C command) {
        List<E> events = decider().decide(command, state());
        for (E event : events) {
            AggregateLifecycle.apply(event);
        }
        return events;
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
