package com.clinic.platform.application.context;

import java.time.Duration;

/**
 * Waits until this instance's projections have processed every event stored so far. Read models are
 * eventually consistent; answering a write only after they caught up means the client's next request
 * (a GET, or a command validated against a read model) sees its own write.
 */
public interface ReadModelBarrier {

    /** Returns when caught up, or after {@code timeout} at the latest; false on timeout. */
    boolean awaitCaughtUp(Duration timeout);
}
