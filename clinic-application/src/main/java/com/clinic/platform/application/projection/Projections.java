package com.clinic.platform.application.projection;

import com.clinic.platform.domain.Actor;

/**
 * The event processors of this instance and their progress, and replays of the projections among
 * them. A replay clears a projection's tables and rebuilds them from the first stored event; it runs
 * in the background, so the replay methods return at once with the status at that moment.
 *
 * <p>Only projections are replayable. Processes (handlers that send commands) and write-side guards
 * (subscribing processors in the command's transaction) are listed with the reason they are not.
 * While any replay runs, commands are refused ({@link WritesPausedForReplay}) and processes are
 * paused: every write path and every process reads some read model, and must never decide on one
 * that is half rebuilt.
 */
public interface Projections {

    ProjectionsStatus status();

    /**
     * Starts rebuilding one projection.
     *
     * @throws com.clinic.platform.domain.Rejection.NotFound when no processor has that name
     * @throws com.clinic.platform.domain.Rejection.Conflict when it is not replayable or already replaying
     */
    ProjectionsStatus replay(Actor requestedBy, String processorName);

    /**
     * Starts rebuilding every replayable projection.
     *
     * @throws com.clinic.platform.domain.Rejection.Conflict when a replay is already in progress
     */
    ProjectionsStatus replayAll(Actor requestedBy);
}
