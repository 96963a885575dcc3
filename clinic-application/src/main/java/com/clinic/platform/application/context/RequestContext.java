package com.clinic.platform.application.context;

import com.clinic.platform.domain.Actor;
import java.util.Optional;

/**
 * The request an operation runs for. The HTTP adapter binds it for the duration of a request; the
 * messaging layer copies it into the metadata of every command and, from there, every event.
 */
public record RequestContext(Optional<Actor> actor, String requestId, String correlationId, String clientAddress) {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code body} with this context bound to the current thread, restoring the previous one after. */
    public void bind(Runnable body) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void set(RequestContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public RequestContext withActor(Actor newActor) {
        return new RequestContext(Optional.of(newActor), requestId, correlationId, clientAddress);
    }
}
