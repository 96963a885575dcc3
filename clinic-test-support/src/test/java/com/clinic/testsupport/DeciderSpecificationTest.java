package com.clinic.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The specification on a toy decider: a door that is opened and closed, and refuses to open twice. */
class DeciderSpecificationTest {

    sealed interface Command {}

    record Open() implements Command {}

    record Close() implements Command {}

    record Opened() {}

    record Closed() {}

    enum Door {
        CLOSED,
        OPEN
    }

    /** A rejection shaped like the domain's: a public {@code code()} and the code as its message. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String code;

        Refused(String code) {
            super("message is not the code");
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static List<Object> decide(Command command, Door door) {
        return switch (command) {
            case Open open -> {
                if (door == Door.OPEN) {
                    throw new Refused("door.already-open");
                }
                yield List.of(new Opened());
            }
            case Close close -> door == Door.OPEN ? List.of(new Closed()) : List.of();
        };
    }

    private static Door evolve(Door door, Object event) {
        return switch (event) {
            case Opened opened -> Door.OPEN;
            case Closed closed -> Door.CLOSED;
            default -> door;
        };
    }

    private final DeciderSpecification<Command, Object, Door> spec =
            DeciderSpecification.of(DeciderSpecificationTest::decide, DeciderSpecificationTest::evolve, Door.CLOSED);

    @Test
    void passesWhenTheDecidedEventsAreExactlyTheExpectedOnesAndExposesTheStateTheyLeave() {
        spec.when(new Open()).then(new Opened()).andState(Door.OPEN);
        spec.given(new Opened()).when(new Close()).then(new Closed()).andState(Door.CLOSED);
        spec.given(new Opened(), new Closed()).when(new Close()).thenNothing().andState(Door.CLOSED);
    }

    @Test
    void failsWhenOtherEventsAreDecided() {
        assertThatThrownBy(() -> spec.given(new Opened()).when(new Close()).thenNothing())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> spec.when(new Close()).then(new Closed())).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> spec.when(new Open()).then(new Opened()).andState(Door.CLOSED))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void pinsTheRejectionsTypeAndItsCodeReadFromTheCodeAccessor() {
        Refused refused = spec.given(new Opened()).when(new Open()).thenRejects(Refused.class, "door.already-open");

        assertThat(refused.code()).isEqualTo("door.already-open");
        assertThatThrownBy(() -> spec.given(new Opened()).when(new Open()).thenRejects(Refused.class, "door.locked"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("door.already-open");
        assertThatThrownBy(() -> spec.given(new Opened())
                        .when(new Open())
                        .thenRejects(IllegalStateException.class, "door.already-open"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aRejectionThatWasNotExpectedOrAnExpectedOneThatDidNotHappenFailsTheSpecification() {
        assertThatThrownBy(() -> spec.given(new Opened()).when(new Open()).then(new Opened()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("door.already-open");
        assertThatThrownBy(() -> spec.when(new Open()).thenRejects(Refused.class, "door.already-open"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Opened");
    }

    @Test
    void aRejectionWithoutACodeAccessorIsReadByItsMessage() {
        DeciderSpecification<Command, Object, Door> strict = DeciderSpecification.of(
                (command, door) -> {
                    throw new IllegalStateException("door.jammed");
                },
                DeciderSpecificationTest::evolve,
                Door.CLOSED);

        strict.when(new Open()).thenRejects(IllegalStateException.class, "door.jammed");
    }

    @Test
    void aDecidedEventTheStateCannotApplyFailsTheSpecification() {
        DeciderSpecification<Command, Object, Door> broken = DeciderSpecification.of(
                DeciderSpecificationTest::decide,
                (door, event) -> {
                    throw new IllegalStateException("no evolve for " + event);
                },
                Door.CLOSED);

        assertThatThrownBy(() -> broken.when(new Open()).then(new Opened()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cannot be applied");
    }
}
