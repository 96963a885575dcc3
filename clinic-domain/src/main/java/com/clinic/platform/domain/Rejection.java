package com.clinic.platform.domain;

import java.util.List;

/**
 * A business rejection of a command. The three kinds map, in one place at the edge, to HTTP 409
 * (the aggregate is in a conflicting state), 422 (a business rule is violated) and 404.
 *
 * <p>The {@code code} is a stable, machine-readable key (for example {@code patient.erased}); the
 * REST adapter turns it into a localized message, so no internal text ever reaches a client.
 */
public abstract sealed class Rejection extends RuntimeException
        permits Rejection.Conflict, Rejection.RuleViolated, Rejection.NotFound {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient List<Object> arguments;

    protected Rejection(String code, List<Object> arguments) {
        super(code, null, false, false);
        this.code = code;
        this.arguments = List.copyOf(arguments);
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The aggregate is in a state that does not allow the command (HTTP 409). */
    public static final class Conflict extends Rejection {
        private static final long serialVersionUID = 1L;

        public Conflict(String code, Object... arguments) {
            super(code, List.of(arguments));
        }
    }

    /** The command breaks a business rule (HTTP 422). */
    public static final class RuleViolated extends Rejection {
        private static final long serialVersionUID = 1L;

        public RuleViolated(String code, Object... arguments) {
            super(code, List.of(arguments));
        }
    }

    /** The addressed thing does not exist, or the caller may not know that it does (HTTP 404). */
    public static final class NotFound extends Rejection {
        private static final long serialVersionUID = 1L;

        public NotFound(String code, Object... arguments) {
            super(code, List.of(arguments));
        }
    }
}
