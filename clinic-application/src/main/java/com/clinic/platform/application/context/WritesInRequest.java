package com.clinic.platform.application.context;

/**
 * Whether the current request has dispatched a command, so the HTTP edge knows to wait for read
 * models before answering (read-your-writes). Set by the command dispatch interceptor.
 */
public final class WritesInRequest {

    private static final ThreadLocal<Boolean> DISPATCHED = new ThreadLocal<>();

    private WritesInRequest() {}

    public static void markDispatched() {
        DISPATCHED.set(Boolean.TRUE);
    }

    /** Whether a command was dispatched since the last call, clearing the mark. */
    public static boolean takeDispatched() {
        boolean dispatched = Boolean.TRUE.equals(DISPATCHED.get());
        DISPATCHED.remove();
        return dispatched;
    }
}
