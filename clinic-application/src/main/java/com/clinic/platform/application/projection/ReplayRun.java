package com.clinic.platform.application.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One replay of one processor, requested by {@code requestedBy}.
 *
 * @param startedAt when its tokens were reset and it started again from the first event
 * @param finishedAt when it had re-processed every event stored at {@code startedAt}
 * @param events how many stored events it had to re-process
 * @param failure a short, stable description of why the replay could not start
 */
public record ReplayRun(
        State state,
        UUID requestedBy,
        Instant requestedAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Long> events,
        Optional<String> failure) {

    public enum State {
        /** Accepted; waiting for the processor to stop and its tokens to be reset. */
        REQUESTED,
        /** Re-processing the stored events. */
        REPLAYING,
        /** Caught up with every event stored when it started. */
        FINISHED,
        /** Could not reset the processor; it runs on from where it was. */
        FAILED;

        public boolean inProgress() {
            return this == REQUESTED || this == REPLAYING;
        }
    }

    public boolean inProgress() {
        return state.inProgress();
    }

    /** Events re-processed per second, once finished. */
    public OptionalDouble eventsPerSecond() {
        if (startedAt.isEmpty() || finishedAt.isEmpty() || events.isEmpty()) {
            return OptionalDouble.empty();
        }
        long millis =
                Math.max(1, Duration.between(startedAt.get(), finishedAt.get()).toMillis());
        return OptionalDouble.of(events.get() * 1000.0 / millis);
    }
}
