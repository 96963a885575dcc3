package com.clinic.platform.external;

import com.clinic.platform.application.projection.ProcessorStatus;
import com.clinic.platform.application.projection.ProcessorStatus.Kind;
import com.clinic.platform.application.projection.ProcessorStatus.Mode;
import com.clinic.platform.application.projection.ReplayRun;
import com.clinic.platform.application.projection.port.ProjectionProcessors;
import com.clinic.platform.domain.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The event processors and their replays over Axon's {@link EventProcessingConfiguration}. Which
 * replays are allowed, and to whom, is decided by the projection-administration use case; this does
 * them and watches them.
 *
 * <p>A replay stops the processor, resets its tokens (its {@code @ResetHandler}s truncate its tables
 * in the same transaction) and starts it again from the first event. One background thread does that,
 * request after request; another notices, every {@link #TICK}, the replays that have caught up.
 *
 * <p>While any replay requested here is in progress, commands are refused ({@link #replayInProgress()})
 * and processes — streaming processors whose handlers all disallow replay — are shut down, keeping
 * their tokens; they are started again when the last replay finished and catch up on what happened
 * meanwhile. Command paths and processes read read models (directory, availability, waiting list,
 * queue board), so none may run on one half rebuilt.
 *
 * <p>That pause lives in this instance's memory. Several instances: Axon resets tokens only when no
 * instance holds a claim on them, only segments claimed here are observed, and other instances keep
 * accepting commands. Replay from one instance, with the others stopped (scale to one); otherwise the
 * reset fails and the run is reported as failed. A restart during a replay lets Axon finish the
 * rebuild without the pause; the status still shows it replaying, and replaying again starts over.
 */
@Component
public class AxonProjectionProcessors implements ProjectionProcessors, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AxonProjectionProcessors.class);

    static final Duration TICK = Duration.ofMillis(100);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** The latest run per processor, in progress or not. Changed only while holding {@code this}. */
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** Processes this instance shut down for a replay, to start again when it finished. */
    private final Set<String> pausedProcesses = ConcurrentHashMap.newKeySet();
    /** Held while pausing or resuming processes, so the two never interleave. */
    private final Object processesLock = new Object();

    private volatile boolean running;
    /** Stops, resets and starts processors, one request after the other. */
    private volatile ExecutorService replayer;
    /** Notices caught-up replays every {@link #TICK}, also while the replayer is busy. */
    private volatile ScheduledExecutorService ticker;

    AxonProjectionProcessors(
            EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- ProjectionProcessors ----------------------------------------------------------------------

    @Override
    public SortedMap<String, Kind> kinds() {
        SortedMap<String, Kind> kinds = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> kinds.put(name, kind(processor)));
        return kinds;
    }

    @Override
    public Optional<Long> head() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(head.position().getAsLong());
    }

    @Override
    public List<ProcessorStatus> describe(Optional<Long> head) {
        return new TreeMap<>(processing.eventProcessors())
                .entrySet().stream()
                        .map(entry -> describe(entry.getKey(), entry.getValue(), head))
                        .toList();
    }

    /** From the request until the projection caught up (or its reset failed). */
    @Override
    public boolean replayInProgress() {
        return runs.values().stream().anyMatch(run -> run.state.inProgress());
    }

    /**
     * Replay tokens alone (a replay that was running when the application restarted, whose pause of
     * writes and processes did not survive) do not count: replaying again starts it over, with that
     * protection.
     */
    @Override
    public boolean replayInProgress(String processorName) {
        Run run = runs.get(processorName);
        return run != null && run.state.inProgress();
    }

    /** Registers the runs and pauses writes before answering; the background thread does the rest. */
    @Override
    public synchronized void startReplay(Actor requestedBy, List<String> processorNames) {
        ExecutorService executor = replayer;
        if (!running || executor == null) {
            throw new IllegalStateException("projection replays are not available while the application stops");
        }
        Instant now = clock.instant();
        List<Run> batch = new ArrayList<>();
        for (String name : processorNames) {
            Run run = new Run(name, requestedBy.userId(), now);
            runs.put(name, run);
            batch.add(run);
        }
        executor.execute(() -> replay(batch));
    }

    // --- For the health indicator (same package) ----------------------------------------------

    /** Whether the processor is stopped on purpose: a paused process, or a projection being reset. */
    boolean heldForReplay(String processorName) {
        Run run = runs.get(processorName);
        return pausedProcesses.contains(processorName) || (run != null && run.state == ReplayRun.State.REQUESTED);
    }

    // --- Replaying ---------------------------------------------------------------------------------

    private void replay(List<Run> batch) {
        pauseProcesses();
        Optional<Long> head = head();
        long events = head.map(this::eventsUpTo).orElse(0L);
        // All stop at once: each stop waits for its in-flight batch, which adds up one by one.
        List<CompletableFuture<Void>> stopped = batch.stream()
                .map(run -> streaming(run.processor).shutdownAsync())
                .toList();
        // Resets run side by side: a reset handler may rebuild its table in one statement (the audit
        // index takes over a minute on a million appointments), and one after the other every
        // projection reset after it started its replay that much later (bench/findings.md #3).
        try (ExecutorService resetters = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("projection-reset-", 0).daemon().factory())) {
            for (int i = 0; i < batch.size(); i++) {
                Run run = batch.get(i);
                CompletableFuture<Void> stop = stopped.get(i);
                resetters.execute(() -> reset(run, stop, head, events));
            }
        }
    }

    private void reset(Run run, CompletableFuture<Void> stopped, Optional<Long> head, long events) {
        StreamingEventProcessor processor = streaming(run.processor);
        try {
            stopped.join();
            int segments = processing.tokenStore(run.processor).fetchSegments(run.processor).length;
            Instant startedAt = clock.instant();
            processor.resetTokens();
            synchronized (this) {
                run.started(startedAt, head.orElse(-1L), events, segments);
            }
            log.atInfo()
                    .setMessage("Projection {} reset; replaying {} events")
                    .addArgument(run.processor)
                    .addArgument(events)
                    .addKeyValue("action", "projection.replay.started")
                    .addKeyValue("processor", run.processor)
                    .addKeyValue("userId", run.requestedBy)
                    .addKeyValue("events", events)
                    .log();
        } catch (RuntimeException failure) {
            String reason = rootCause(failure) instanceof UnableToClaimTokenException
                    ? "tokens-claimed-elsewhere: another instance processes it; replay with one instance"
                    : "reset-failed: see the server log";
            synchronized (this) {
                run.failed(clock.instant(), reason);
            }
            log.atWarn()
                    .setMessage("Projection {} could not be reset; it continues from where it was")
                    .addArgument(run.processor)
                    .addKeyValue("action", "projection.replay.failed")
                    .addKeyValue("processor", run.processor)
                    .addKeyValue("userId", run.requestedBy)
                    .setCause(failure)
                    .log();
        } finally {
            processor.start();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Every {@link #TICK}: finishes caught-up runs, then pauses processes while any run is in progress
     * and starts them again when none is.
     */
    private void tick() {
        try {
            boolean inProgress;
            synchronized (this) {
                boolean finishedOne = false;
                for (Run run : runs.values()) {
                    if (run.state == ReplayRun.State.REPLAYING && caughtUp(run)) {
                        run.finished(clock.instant());
                        logFinished(run);
                        finishedOne = true;
                    }
                }
                inProgress = replayInProgress();
                if (finishedOne && !inProgress) {
                    log.info("Projection replays finished; commands are accepted and processes resume");
                }
            }
            if (inProgress) {
                pauseProcesses();
            } else {
                resumeProcesses();
            }
        } catch (RuntimeException failure) {
            log.warn("Checking projection replays failed; trying again", failure);
        }
    }

    private boolean caughtUp(Run run) {
        StreamingEventProcessor processor = streaming(run.processor);
        if (!processor.isRunning() || processor.isError()) {
            return false;
        }
        List<EventTrackerStatus> segments =
                List.copyOf(processor.processingStatus().values());
        if (segments.isEmpty() || segments.size() < run.segments) {
            return false;
        }
        return segments.stream()
                .allMatch(segment -> !segment.isErrorState()
                        && !ReplayProgress.rebuilding(segment)
                        && ReplayProgress.position(segment) >= run.headAtStart);
    }

    /** Shuts every running process down (together) and remembers it; its tokens stay where they are. */
    private void pauseProcesses() {
        synchronized (processesLock) {
            List<CompletableFuture<Void>> stopped = new ArrayList<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (kind(processor) == Kind.PROCESS && processor.isRunning() && pausedProcesses.add(name)) {
                    log.atInfo()
                            .setMessage("Process {} paused while projections replay")
                            .addArgument(name)
                            .addKeyValue("action", "projection.replay.process-paused")
                            .addKeyValue("processor", name)
                            .log();
                    stopped.add(processor.shutdownAsync());
                }
            });
            CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Starts the paused processes again, unless another replay was requested in the meantime. */
    private void resumeProcesses() {
        synchronized (processesLock) {
            if (replayInProgress()) {
                return;
            }
            for (String name : List.copyOf(pausedProcesses)) {
                EventProcessor processor = processing.eventProcessors().get(name);
                if (processor != null) {
                    processor.start();
                }
                pausedProcesses.remove(name);
                log.atInfo()
                        .setMessage("Process {} resumed")
                        .addArgument(name)
                        .addKeyValue("action", "projection.replay.process-resumed")
                        .addKeyValue("processor", name)
                        .log();
            }
        }
    }

    private static void logFinished(Run run) {
        ReplayRun snapshot = run.snapshot();
        long millis = Duration.between(
                        snapshot.startedAt().orElseThrow(),
                        snapshot.finishedAt().orElseThrow())
                .toMillis();
        double rate = snapshot.eventsPerSecond().orElse(0);
        log.atInfo()
                .setMessage("Projection {} replayed {} events in {} ms ({} events/s)")
                .addArgument(run.processor)
                .addArgument(run.events)
                .addArgument(millis)
                .addArgument(Math.round(rate))
                .addKeyValue("action", "projection.replay.finished")
                .addKeyValue("processor", run.processor)
                .addKeyValue("userId", run.requestedBy)
                .addKeyValue("events", run.events)
                .addKeyValue("durationMs", millis)
                .addKeyValue("eventsPerSecond", Math.round(rate))
                .log();
    }

    // --- Describing processors ---------------------------------------------------------------------

    private ProcessorStatus describe(String name, EventProcessor processor, Optional<Long> head) {
        Kind kind = kind(processor);
        List<Class<?>> handlerTypes = handlerTypes(processor);
        List<String> groups = handlerTypes.stream()
                .map(AxonProjectionProcessors::processingGroup)
                .distinct()
                .sorted()
                .toList();
        List<String> handlers = handlerTypes.stream()
                .map(Class::getSimpleName)
                .distinct()
                .sorted()
                .toList();
        Optional<ReplayRun> lastReplay = Optional.ofNullable(runs.get(name)).map(this::snapshot);
        boolean paused = pausedProcesses.contains(name);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(
                    name,
                    kind,
                    mode(processor),
                    groups,
                    handlers,
                    processor.isRunning(),
                    processor.isError(),
                    false,
                    paused,
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    head,
                    Optional.empty(),
                    lastReplay);
        }
        // One copy: the live map changes as segments are claimed and released.
        List<EventTrackerStatus> claimed =
                List.copyOf(streaming.processingStatus().values());
        Optional<Long> position =
                claimed.isEmpty() || claimed.stream().anyMatch(segment -> ReplayProgress.position(segment) < 0)
                        ? Optional.empty()
                        : Optional.of(claimed.stream()
                                .mapToLong(ReplayProgress::position)
                                .min()
                                .orElseThrow());
        Optional<Long> behind = position.flatMap(at -> head.map(newest -> Math.max(0, newest - at)));
        boolean replaying = lastReplay.map(ReplayRun::inProgress).orElse(false)
                || claimed.stream().anyMatch(ReplayProgress::rebuilding);
        boolean error = streaming.isError() || claimed.stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ProcessorStatus(
                name,
                kind,
                mode(processor),
                groups,
                handlers,
                streaming.isRunning(),
                error,
                replaying,
                paused,
                segments(name),
                claimed.size(),
                position,
                head,
                behind,
                lastReplay);
    }

    /**
     * A streaming processor is a projection when it supports a reset, which Axon grants as soon as
     * one of its handlers allows replay; a process disallows replay on all of them.
     */
    public static Kind kind(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming) {
            return streaming.supportsReset() ? Kind.PROJECTION : Kind.PROCESS;
        }
        return Kind.WRITE_GUARD;
    }

    private static Mode mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return Mode.POOLED_STREAMING;
        }
        if (processor instanceof TrackingEventProcessor) {
            return Mode.TRACKING;
        }
        return processor instanceof SubscribingEventProcessor ? Mode.SUBSCRIBING : Mode.OTHER;
    }

    private static List<Class<?>> handlerTypes(EventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            return List.of();
        }
        return invokers(abstractProcessor.eventHandlerInvoker())
                .filter(SimpleEventHandlerInvoker.class::isInstance)
                .map(SimpleEventHandlerInvoker.class::cast)
                .flatMap(invoker -> invoker.eventHandlers().stream())
                .<Class<?>>map(handler -> handler instanceof AnnotationEventHandlerAdapter adapter
                        ? adapter.getTargetType()
                        : handler.getClass())
                .<Class<?>>map(ClassUtils::getUserClass)
                .toList();
    }

    private static Stream<EventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(AxonProjectionProcessors::invokers);
        }
        return Stream.of(invoker);
    }

    /** The group Axon assigns: the {@code @ProcessingGroup}, else the handler's package. */
    private static String processingGroup(Class<?> handlerType) {
        ProcessingGroup group = AnnotationUtils.findAnnotation(handlerType, ProcessingGroup.class);
        return group != null ? group.value() : handlerType.getPackageName();
    }

    private Optional<Integer> segments(String name) {
        try {
            return Optional.of(processing.tokenStore(name).fetchSegments(name).length);
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private StreamingEventProcessor streaming(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    private long eventsUpTo(long globalIndex) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class, globalIndex);
        return count == null ? 0 : count;
    }

    private synchronized ReplayRun snapshot(Run run) {
        return run.snapshot();
    }

    // --- Lifecycle: the background threads live between Axon's start and stop --------------------

    @Override
    public void start() {
        replayer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("projection-replay").daemon().factory());
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("projection-replay-check").daemon().factory());
        // Cancelled by shutting the executor down in stop(); tick() never throws, so nothing is lost.
        var unused =
                schedule.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        ticker = schedule;
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stop(ticker);
        stop(replayer);
        ticker = null;
        replayer = null;
    }

    private static void stop(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("A projection replay thread did not stop within 10 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's processors have started (and before they stop), before the deadline scheduler. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    /** One replay of one processor; mutable, guarded by the enclosing instance's monitor. */
    private static final class Run {

        final String processor;
        final UUID requestedBy;
        final Instant requestedAt;
        volatile ReplayRun.State state = ReplayRun.State.REQUESTED;
        Instant startedAt;
        Instant finishedAt;
        long headAtStart = -1;
        long events = -1;
        int segments;
        String failure;

        Run(String processor, UUID requestedBy, Instant requestedAt) {
            this.processor = processor;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
        }

        void started(Instant at, long head, long eventCount, int segmentCount) {
            state = ReplayRun.State.REPLAYING;
            startedAt = at;
            headAtStart = head;
            events = eventCount;
            segments = segmentCount;
        }

        void finished(Instant at) {
            state = ReplayRun.State.FINISHED;
            finishedAt = at;
        }

        void failed(Instant at, String reason) {
            state = ReplayRun.State.FAILED;
            finishedAt = at;
            failure = reason;
        }

        ReplayRun snapshot() {
            return new ReplayRun(
                    state,
                    requestedBy,
                    requestedAt,
                    Optional.ofNullable(startedAt),
                    Optional.ofNullable(finishedAt),
                    events < 0 ? Optional.empty() : Optional.of(events),
                    Optional.ofNullable(failure));
        }
    }
}
