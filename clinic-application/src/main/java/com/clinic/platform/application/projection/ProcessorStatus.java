package com.clinic.platform.application.projection;

import java.util.List;
import java.util.Optional;

/**
 * One event processor. Positions are global indexes of the event store; segments and positions cover
 * the segments this instance has claimed, so with several instances each reports its own share.
 *
 * @param name the processor's name, as used to replay it
 * @param kind what it does: only {@link Kind#PROJECTION}s are replayable
 * @param mode how Axon runs it
 * @param processingGroups the processing groups assigned to it
 * @param handlers the simple class names of its event handlers
 * @param replaying whether a replay has been requested and the processor has not yet re-processed every
 *     event stored before it was reset
 * @param pausedForReplay whether it is stopped on purpose while a replay runs (processes)
 * @param segments how many segments the processor has in the token store (streaming only)
 * @param segmentsClaimed how many of them this instance processes
 * @param position the lowest position across the claimed segments; empty when none is claimed
 * @param head the global index of the newest stored event
 * @param behind {@code head - position}, when both are known
 */
public record ProcessorStatus(
        String name,
        Kind kind,
        Mode mode,
        List<String> processingGroups,
        List<String> handlers,
        boolean running,
        boolean error,
        boolean replaying,
        boolean pausedForReplay,
        Optional<Integer> segments,
        int segmentsClaimed,
        Optional<Long> position,
        Optional<Long> head,
        Optional<Long> behind,
        Optional<ReplayRun> lastReplay) {

    private static final String SUBSCRIBING_REASON = "Write-side guard: it runs inside the command's own transaction"
            + " and can refuse the command; it is not a read model and has no tokens to reset.";
    private static final String PROCESS_REASON = "Process, not a projection: its handlers send commands or"
            + " tell other contexts what happened (@DisallowReplay), so a replay would repeat them. It keeps its"
            + " position and is paused while projections replay.";
    private static final String UNKNOWN_REASON = "Not a streaming processor: it has no tokens to reset.";

    public ProcessorStatus {
        processingGroups = List.copyOf(processingGroups);
        handlers = List.copyOf(handlers);
    }

    /** Only projections are replayable: a process would repeat its commands, a write guard has no tokens. */
    public static boolean replayable(Kind kind) {
        return kind == Kind.PROJECTION;
    }

    public boolean replayable() {
        return replayable(kind);
    }

    /** Why it is not replayable; empty when it is. */
    public Optional<String> reason() {
        return switch (kind) {
            case PROJECTION -> Optional.empty();
            case PROCESS -> Optional.of(PROCESS_REASON);
            case WRITE_GUARD -> Optional.of(mode == Mode.SUBSCRIBING ? SUBSCRIBING_REASON : UNKNOWN_REASON);
        };
    }

    public enum Kind {
        /** Builds read models only; its reset handlers clear them, so it can be rebuilt from the events. */
        PROJECTION,
        /** Reacts to events with commands or other effects; must never see an event twice. */
        PROCESS,
        /** Runs in the command's own transaction and can refuse the command; has no position of its own. */
        WRITE_GUARD
    }

    public enum Mode {
        POOLED_STREAMING,
        TRACKING,
        SUBSCRIBING,
        OTHER
    }
}
