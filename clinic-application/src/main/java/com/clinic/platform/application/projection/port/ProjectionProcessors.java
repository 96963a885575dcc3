package com.clinic.platform.application.projection.port;

import com.clinic.platform.application.projection.ProcessorStatus;
import com.clinic.platform.domain.Actor;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Port: the event processors of this instance, how far each is, and the mechanics of a replay (stop,
 * reset the tokens, whose reset handlers truncate the read model, start again from the first event,
 * notice when it caught up). Which processors may be replayed, by whom and when is decided by the
 * caller, {@link com.clinic.platform.application.projection.ProjectionAdministration}.
 *
 * <p>While a replay started here is in progress ({@link #replayInProgress()}), the implementation keeps
 * processes shut down and commands are refused; both are part of the replay's mechanics.
 */
public interface ProjectionProcessors {

    /** Every processor by name, with what it is. */
    SortedMap<String, ProcessorStatus.Kind> kinds();

    /** The global index of the newest stored event; empty while the store is empty. */
    Optional<Long> head();

    /** Every processor, by name, as seen by this instance, measured against {@code head}. */
    List<ProcessorStatus> describe(Optional<Long> head);

    /** Whether a replay started here is in progress, from its request until it caught up or failed. */
    boolean replayInProgress();

    /** Whether a replay of that processor started here is in progress. */
    boolean replayInProgress(String processorName);

    /**
     * Registers a replay of each of these projections and pauses writes, then returns; a background
     * thread stops, resets and restarts them.
     *
     * @throws IllegalStateException while the application stops
     */
    void startReplay(Actor requestedBy, List<String> processorNames);
}
