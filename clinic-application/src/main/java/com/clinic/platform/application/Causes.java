package com.clinic.platform.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A failure's cause chain, walked once and safely: a failure that is its own cause, or a cycle of
 * causes, ends the walk instead of looping. Frameworks wrap what we care about (a rejection inside a
 * command's unit of work, a lost connection under a transaction failure), so classification always
 * looks down the chain.
 */
public final class Causes {

    private Causes() {}

    /** The failure itself, then each cause below it, each once. */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The first failure in the chain (the failure itself included) of that type. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return chain(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return chain(failure).stream().anyMatch(test);
    }

    /** The deepest cause. */
    public static Throwable root(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.getLast();
    }
}
