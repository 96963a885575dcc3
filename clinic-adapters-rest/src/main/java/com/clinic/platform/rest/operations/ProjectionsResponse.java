package com.clinic.platform.rest.operations;

import com.clinic.platform.application.projection.ProcessorStatus;
import com.clinic.platform.application.projection.ProjectionsStatus;
import com.clinic.platform.application.projection.ReplayRun;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The event processors of the instance that answered. A projection is rebuilt once {@code replaying}
 * is false and {@code position} equals {@code head}. Positions are global indexes of the event store;
 * absent values are null.
 *
 * @param head global index of the newest stored event (null while the store is empty)
 * @param replaying whether any replay is in progress
 * @param writesPaused whether commands are refused (503) because a replay is in progress
 */
public record ProjectionsResponse(Long head, boolean replaying, boolean writesPaused, List<Processor> processors) {

    /**
     * One event processor.
     *
     * @param kind PROJECTION (replayable), PROCESS (sends commands; paused during replays) or WRITE_GUARD
     *     (runs in the command's transaction)
     * @param mode POOLED_STREAMING, TRACKING, SUBSCRIBING or OTHER
     * @param reason why it is not replayable (null when it is)
     * @param segments its segments in the token store; {@code segmentsClaimed} of them run here
     * @param position lowest global index processed across the claimed segments
     * @param behind {@code head - position}
     */
    public record Processor(
            String name,
            ProcessorStatus.Kind kind,
            ProcessorStatus.Mode mode,
            List<String> processingGroups,
            List<String> handlers,
            boolean replayable,
            String reason,
            boolean running,
            boolean error,
            boolean replaying,
            boolean pausedForReplay,
            Integer segments,
            int segmentsClaimed,
            Long position,
            Long head,
            Long behind,
            Replay lastReplay) {

        static Processor of(ProcessorStatus status) {
            return new Processor(
                    status.name(),
                    status.kind(),
                    status.mode(),
                    status.processingGroups(),
                    status.handlers(),
                    status.replayable(),
                    status.reason().orElse(null),
                    status.running(),
                    status.error(),
                    status.replaying(),
                    status.pausedForReplay(),
                    status.segments().orElse(null),
                    status.segmentsClaimed(),
                    status.position().orElse(null),
                    status.head().orElse(null),
                    status.behind().orElse(null),
                    status.lastReplay().map(Replay::of).orElse(null));
        }
    }

    /**
     * The processor's latest replay on this instance.
     *
     * @param state REQUESTED, REPLAYING, FINISHED or FAILED
     * @param events stored events it had to re-process
     * @param eventsPerSecond {@code events} over the time from reset to caught up, once finished
     */
    public record Replay(
            ReplayRun.State state,
            UUID requestedBy,
            Instant requestedAt,
            Instant startedAt,
            Instant finishedAt,
            Long events,
            Double eventsPerSecond,
            String failure) {

        static Replay of(ReplayRun run) {
            return new Replay(
                    run.state(),
                    run.requestedBy(),
                    run.requestedAt(),
                    run.startedAt().orElse(null),
                    run.finishedAt().orElse(null),
                    run.events().orElse(null),
                    run.eventsPerSecond().isPresent() ? run.eventsPerSecond().getAsDouble() : null,
                    run.failure().orElse(null));
        }
    }

    static ProjectionsResponse of(ProjectionsStatus status) {
        return new ProjectionsResponse(
                status.head().orElse(null),
                status.replaying(),
                status.writesPaused(),
                status.processors().stream().map(Processor::of).toList());
    }
}
