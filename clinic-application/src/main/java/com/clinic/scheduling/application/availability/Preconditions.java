package com.clinic.scheduling.application.availability;

import java.util.Objects;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Version checks for commands that may create their aggregate. Axon checks an expected version only
 * when it loads an existing aggregate, not on create-if-missing, so these handlers check it
 * themselves: {@link #MUST_NOT_EXIST} (HTTP {@code If-None-Match: *}) or an exact version
 * ({@code If-Match}); absent means any.
 */
final class Preconditions {

    static final long MUST_NOT_EXIST = -1L;

    private Preconditions() {}

    static void check(String aggregateId, Object expected) {
        if (expected == null) {
            return;
        }
        long wanted =
                switch (expected) {
                    case Number number -> number.longValue();
                    case String text -> Long.parseLong(text);
                    default -> throw new IllegalArgumentException("Unsupported expected version " + expected);
                };
        Long actual = AggregateLifecycle.getVersion();
        long current = actual == null ? MUST_NOT_EXIST : actual;
        if (current != wanted) {
            throw new ConflictingAggregateVersionException(Objects.toString(aggregateId, "new"), wanted, current);
        }
    }
}
