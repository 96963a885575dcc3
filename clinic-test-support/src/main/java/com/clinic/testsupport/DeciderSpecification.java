package com.clinic.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Given events, when a command, then events or a rejection: a specification of a pure decider,
 * run on its {@code decide} and {@code evolve} functions alone, with no framework in between.
 *
 * <pre>{@code
 * var spec = DeciderSpecification.of(decider::decide, decider::evolve, decider.initialState());
 * spec.given(held).when(confirm).then(confirmed);
 * spec.given(held, confirmed).when(confirm).thenNothing();
 * spec.given(held).when(hold).thenRejects(Rejection.Conflict.class, "appointment.already-exists");
 * }</pre>
 *
 * <p>The given events are folded through {@code evolve} from the initial state, as an event store
 * replay would; the events {@code decide} returns are folded too, so an event the decider emits but
 * cannot apply fails the specification instead of the first replay in production.
 *
 * @param <C> the decider's commands
 * @param <E> its events
 * @param <S> its state
 */
public final class DeciderSpecification<C, E, S> {

    private final BiFunction<C, S, List<E>> decide;
    private final BiFunction<S, E, S> evolve;
    private final S initialState;

    private DeciderSpecification(BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve, S initialState) {
        this.decide = Objects.requireNonNull(decide, "decide");
        this.evolve = Objects.requireNonNull(evolve, "evolve");
        this.initialState = Objects.requireNonNull(initialState, "initialState");
    }

    public static <C, E, S> DeciderSpecification<C, E, S> of(
            BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve, S initialState) {
        return new DeciderSpecification<>(decide, evolve, initialState);
    }

    /** The history the command meets, oldest first. */
    @SafeVarargs
    public final Given given(E... history) {
        return given(List.of(history));
    }

    public Given given(List<? extends E> history) {
        return new Given(List.copyOf(history));
    }

    /** A command on a stream with no history yet. */
    public When when(C command) {
        return given(List.of()).when(command);
    }

    private S fold(S state, List<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve.apply(current, event);
        }
        return current;
    }

    /** The history of one specification. */
    public final class Given {

        private final List<E> history;

        private Given(List<E> history) {
            this.history = history;
        }

        public When when(C command) {
            return new When(fold(initialState, history), Objects.requireNonNull(command, "command"));
        }
    }

    /** A command about to be decided on the state the history left. */
    public final class When {

        private final S state;
        private final C command;

        private When(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** Exactly these events, in this order. */
        @SafeVarargs
        public final Then then(E... expected) {
            List<E> decided = decided();
            assertThat(decided).as("events decided for %s", command).containsExactly(expected);
            return new Then(applied(decided));
        }

        /** No events: the command is a harmless repeat, or there is nothing left for it to do. */
        public Then thenNothing() {
            List<E> decided = decided();
            assertThat(decided).as("events decided for %s", command).isEmpty();
            return new Then(state);
        }

        /**
         * A rejection of this type carrying this code; returned for checks of its arguments. The
         * code is read through the rejection's public {@code code()} accessor (its message when it
         * has none): this module cannot see the domain's {@code Rejection}, since the domain's own
         * tests depend on it.
         */
        public <X extends RuntimeException> X thenRejects(Class<X> type, String code) {
            List<E> decided;
            try {
                decided = decide.apply(command, state);
            } catch (RuntimeException thrown) {
                assertThat(thrown).as("rejection of %s", command).isInstanceOf(type);
                assertThat(codeOf(thrown))
                        .as("code of the %s rejecting %s", thrown.getClass().getSimpleName(), command)
                        .isEqualTo(code);
                return type.cast(thrown);
            }
            throw new AssertionError(String.format(
                    "Expected %s to be rejected with %s \"%s\", but it decided %s",
                    command, type.getSimpleName(), code, decided));
        }

        private List<E> decided() {
            try {
                return decide.apply(command, state);
            } catch (RuntimeException rejected) {
                throw new AssertionError(
                        String.format(
                                "Expected events for %s, but it was rejected: %s \"%s\"",
                                command, rejected.getClass().getSimpleName(), codeOf(rejected)),
                        rejected);
            }
        }

        private S applied(List<E> decided) {
            S current = state;
            for (E event : decided) {
                try {
                    current = evolve.apply(current, event);
                } catch (RuntimeException unappliable) {
                    throw new AssertionError("The decided event " + event + " cannot be applied", unappliable);
                }
            }
            return current;
        }
    }

    /** The outcome of a specification whose command was decided. */
    public final class Then {

        private final S state;

        private Then(S state) {
            this.state = state;
        }

        /** The state once the history and the decided events are applied. */
        public Then andState(S expected) {
            assertThat(state).as("state after the decided events").isEqualTo(expected);
            return this;
        }

        public S state() {
            return state;
        }
    }

    private static String codeOf(Throwable rejection) {
        Method code;
        try {
            code = rejection.getClass().getMethod("code");
        } catch (NoSuchMethodException none) {
            return rejection.getMessage();
        }
        if (code.getReturnType() != String.class) {
            return rejection.getMessage();
        }
        try {
            return (String) code.invoke(rejection);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new LinkageError("cannot read the code of " + rejection, unreadable);
        }
    }
}
