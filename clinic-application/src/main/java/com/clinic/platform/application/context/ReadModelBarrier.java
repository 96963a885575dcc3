package com.clinic.platform.application.context;

import java.time.Duration;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Waits until projections have processed events. Read models are eventually consistent; answering a
 * write only after they caught up means the client's next request (a GET, or a command validated
 * against a read model) sees its own write, and a process that reads a read model after an event
 * sees what that event changed.
 */
public interface ReadModelBarrier {

    /**
     * Waits until this instance's projections have processed every event stored so far. Returns when
     * caught up, or after {@code timeout} at the latest; false on timeout.
     */
    boolean awaitCaughtUp(Duration timeout);

    /**
     * As {@link #awaitCaughtUp}, but first waits until this instance's processes (handlers that send
     * commands, such as the waiting list's offers) have handled every event stored so far, so the
     * projections then also include what those processes did in reaction; and again while those
     * reactions moved the head, up to three steps deep (an offer, the notification it requested, its
     * delivery). For clients that ask to see the
     * consequences of their write ({@code Prefer: wait-for=processes}), never on every write: processes
     * may run far behind under load (ADR 0008). Returns false when {@code timeout} passed first.
     */
    boolean awaitProcessed(Duration timeout);

    /**
     * Waits until the projection of one processing group has handled the event at {@code position}
     * (the tracking token a streaming processor handed to its handler with that event), wherever that
     * projection runs: its committed position, read on this instance when all its segments run here and
     * from the token store otherwise. For a process that reads a read model another processor builds
     * from the same event. Returns false when {@code timeout} passed first.
     */
    boolean awaitHandled(String processingGroup, TrackingToken position, Duration timeout);
}
