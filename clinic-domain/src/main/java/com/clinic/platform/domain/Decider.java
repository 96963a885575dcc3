package com.clinic.platform.domain;

import java.util.List;

/**
 * A pure decision function: given the current state and a command, which events happen; and how an
 * event changes the state. Implementations are JDK-only and never read the clock or randomness:
 * time and identifiers arrive inside the command.
 */
public interface Decider<C, E, S> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(S state, List<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve(current, event);
        }
        return current;
    }
}
