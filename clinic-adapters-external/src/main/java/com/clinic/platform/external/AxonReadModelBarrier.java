package com.clinic.platform.external;

import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.application.projection.ProcessorStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for this instance: takes the event store's head and waits until every projection
 * segment running here has handled every event committed up to it. Segments owned by other instances
 * are not waited for; their read models converge within their polling interval.
 *
 * <p>Processes (streaming processors that cannot be reset because their handlers send commands) are
 * not waited for: they build no read model a client reads back, and the 1000-user benchmark showed the
 * waiting-list offer process running a few hundred events behind under load, which made every write
 * wait out the full timeout (docs/benchmarks.md).
 *
 * <p>Axon's own {@code covers} is not the test here. A processor's token keeps as a gap every global
 * index it has not seen below its position, and keeps it for up to a minute; most such gaps are
 * indexes that will never be used (an append rolled back by a 409: the sequence value is spent). Under
 * load there is always one, so {@code covers} was false for nearly every write and each waited out the
 * whole timeout (bench/findings.md #7). What this write needs is only the events committed by now:
 * once every projection is past the head, the gaps below it are looked up once, and only those that
 * exist in the store are waited for. A gap that does not exist yet is an append still in flight, and
 * therefore not this write's, which committed before the head was taken.
 *
 * <p>{@link #awaitHandled} serves a process waiting for one projection to include one event. There the
 * event's own global index is known, so the test is exact: the projection's position is at or past it
 * and it is not among the position's gaps. When every segment of that projection runs here, the
 * positions are this instance's (updated after each batch commits); otherwise (segments owned by
 * another instance, or the processor stopped or failing here) they are read from {@code tokenentry},
 * where a processor stores its token in the same transaction as the rows its batch wrote, so what is
 * stored there is exactly what any instance's next read sees.
 */
@Component
class AxonReadModelBarrier implements ReadModelBarrier {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** Between two reads of the token store: a process waiting on another instance costs a query each. */
    private static final long STORED_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final Logger log = LoggerFactory.getLogger(AxonReadModelBarrier.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Timer lag;

    AxonReadModelBarrier(
            EventStore eventStore,
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            Serializer tokenSerializer,
            MeterRegistry meters) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        // What clients would see as projection lag without read-your-writes: from the write's commit
        // until every projection here includes it. Percentiles over a long window, for benchmarks.
        this.lag = Timer.builder("clinic.projection.lag")
                .description("Time a committed write waited for this instance's projections to include it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(15))
                .distributionStatisticBufferLength(3)
                .register(meters);
    }

    @Override
    public boolean awaitCaughtUp(Duration timeout) {
        return awaitCaughtUp(System.nanoTime() + timeout.toNanos());
    }

    /** How deep a chain of processes reacting to each other a {@code wait-for=processes} write waits for. */
    static final int PROCESS_STEPS = 3;

    /**
     * The processes' wait has no lag metric of its own: their backlog is what a client asking for it
     * chose to wait for, not the projection lag the metric tells benchmarks about.
     */
    @Override
    public boolean awaitProcessed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        TrackingToken head = eventStore.createHeadToken();
        // A process may react to another's commands (a waiting-list offer requests a notification,
        // the dispatcher delivers it): wait again while the processes' own events moved the head,
        // up to PROCESS_STEPS steps deep.
        for (int step = 0; head != null && step < PROCESS_STEPS; step++) {
            Wait processes = new Wait(head, () -> positions(ProcessorStatus.Kind.PROCESS), this::committed);
            try {
                if (!waitFor(processes, deadline)) {
                    return false;
                }
            } catch (DataAccessException unavailable) {
                log.debug("Waiting for the processes gave up: the event store cannot be read", unavailable);
                return false;
            }
            TrackingToken after = eventStore.createHeadToken();
            if (after == null || after.covers(head) && head.covers(after)) {
                break;
            }
            head = after;
        }
        // A new head: what the processes appended committed before their positions moved, so it is below it.
        return awaitCaughtUp(deadline);
    }

    private boolean awaitCaughtUp(long deadline) {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return true;
        }
        long started = System.nanoTime();
        Wait wait = new Wait(head, () -> positions(ProcessorStatus.Kind.PROJECTION), this::committed);
        boolean over;
        try {
            over = waitFor(wait, deadline);
        } catch (DataAccessException unavailable) {
            // The write itself has committed and is answered as it is; without the database there is
            // nothing to wait for (the PostgreSQL restart drill: a gap lookup hit a killed connection).
            log.debug("Read-your-writes gave up: the event store cannot be read", unavailable);
            return false;
        }
        lag.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return over;
    }

    /** True once the wait is over, false when the deadline (a {@link System#nanoTime()}) passed first. */
    private static boolean waitFor(Wait wait, long deadline) {
        while (!wait.over()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }

    @Override
    public boolean awaitHandled(String processingGroup, TrackingToken position, Duration timeout) {
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor runs " + processingGroup));
        long event = eventIndex(position);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<List<TrackingToken>> local = localPositions(processor);
            List<TrackingToken> positions = local.orElseGet(() -> storedPositions(processor.getName()));
            if (!positions.isEmpty() && positions.stream().allMatch(at -> handled(at, event))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(local.isPresent() ? PAUSE_NANOS : STORED_PAUSE_NANOS);
        }
    }

    /** The global index of the event a handler was given this token with. */
    static long eventIndex(TrackingToken position) {
        TrackingToken token = WrappedToken.unwrapLowerBound(position);
        OptionalLong index = token == null ? OptionalLong.empty() : token.position();
        if (index.isEmpty()) {
            throw new IllegalArgumentException("Not the position of an event in the store: " + position);
        }
        return index.getAsLong();
    }

    /**
     * Whether a segment at this position has handled the event at this global index: at or past it,
     * and not skipped over it (an event committed after later ones is a gap until it is seen). Axon's
     * {@code covers} would also demand every other gap below be filled, which can take a minute.
     */
    static boolean handled(@Nullable TrackingToken position, long eventIndex) {
        TrackingToken token = WrappedToken.unwrapLowerBound(position);
        if (token == null) {
            return false; // a segment that has not handled anything yet
        }
        OptionalLong at = token.position();
        if (at.isEmpty() || at.getAsLong() < eventIndex) {
            return false;
        }
        return !(token instanceof GapAwareTrackingToken gapAware
                && gapAware.getGaps().contains(eventIndex));
    }

    /**
     * The positions of the processor's segments as this instance knows them, when it runs all of them
     * here and none is failing (a failing segment's claim is released, so another instance may be
     * ahead of what this one last saw); otherwise empty, and the token store has to be asked.
     */
    private static Optional<List<TrackingToken>> localPositions(StreamingEventProcessor processor) {
        if (!processor.isRunning() || processor.isError()) {
            return Optional.empty();
        }
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        long whole = 1;
        for (EventTrackerStatus status : statuses.values()) {
            if (status.isErrorState()) {
                return Optional.empty();
            }
            whole = Math.max(whole, status.getSegment().getMask() + 1L);
        }
        // Segments are fractions 1/(mask+1), powers of two: all of them run here when they add up to one.
        long covered = 0;
        List<TrackingToken> positions = new ArrayList<>();
        for (EventTrackerStatus status : statuses.values()) {
            covered += whole / (status.getSegment().getMask() + 1L);
            positions.add(status.getTrackingToken());
        }
        return covered == whole ? Optional.of(positions) : Optional.empty();
    }

    /** Every segment's committed position, as the processor stored it (whoever owns the segment). */
    private List<TrackingToken> storedPositions(String processorName) {
        return jdbc.query(
                "SELECT segment, token, tokentype, timestamp, owner FROM tokenentry WHERE processorname = ?",
                (row, i) -> {
                    byte[] token = row.getBytes("token");
                    if (token == null) {
                        return null;
                    }
                    // Read as the token store reads its entries, without claiming the segment.
                    return new GenericTokenEntry<>(
                                    token,
                                    row.getString("tokentype"),
                                    row.getString("timestamp"),
                                    row.getString("owner"),
                                    processorName,
                                    row.getInt("segment"),
                                    byte[].class)
                            .getToken(tokenSerializer);
                },
                processorName);
    }

    /** One write's wait: the head it must see, and once known, the skipped events it must still see. */
    static final class Wait {

        private final TrackingToken head;
        private final Supplier<List<TrackingToken>> projectionPositions;
        private final UnaryOperator<SortedSet<Long>> committed;
        private SortedSet<Long> committedGaps;

        Wait(
                TrackingToken head,
                Supplier<List<TrackingToken>> projectionPositions,
                UnaryOperator<SortedSet<Long>> committed) {
            this.head = head;
            this.projectionPositions = projectionPositions;
            this.committed = committed;
        }

        boolean over() {
            List<TrackingToken> positions = projectionPositions.get();
            if (!(head instanceof GapAwareTrackingToken gapAwareHead)) {
                return positions.stream().allMatch(position -> position != null && position.covers(head));
            }
            long target = gapAwareHead.getIndex();
            SortedSet<Long> gaps = new TreeSet<>();
            for (TrackingToken position : positions) {
                // One event store, one token type: anything else here is a segment that has not started.
                if (!(position instanceof GapAwareTrackingToken token) || token.getIndex() < target) {
                    return false;
                }
                gaps.addAll(token.getGaps().headSet(target + 1));
            }
            if (committedGaps == null) {
                // Every projection is past the head now, so their gaps below it can only shrink from here.
                committedGaps = gaps.isEmpty() ? new TreeSet<>() : committed.apply(gaps);
            }
            for (Long index : committedGaps) {
                if (gaps.contains(index)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The positions of this instance's segments of one kind (projections, or processes) that a write
     * can wait for. Stopped or failing processors and segments are skipped, and so are segments
     * rebuilding in a replay (writes are refused meanwhile) and processes paused for one: waiting on
     * them could only time out.
     */
    private List<TrackingToken> positions(ProcessorStatus.Kind kind) {
        List<TrackingToken> positions = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (AxonProjectionProcessors.kind(processor) != kind
                    || !(processor instanceof StreamingEventProcessor streaming)
                    || !streaming.isRunning()
                    || streaming.isError()) {
                continue;
            }
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                if (!status.isErrorState() && !ReplayProgress.rebuilding(status)) {
                    positions.add(WrappedToken.unwrapLowerBound(status.getTrackingToken()));
                }
            }
        }
        return positions;
    }

    /** Which of these global indexes hold a committed event. */
    private SortedSet<Long> committed(SortedSet<Long> indexes) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE globalindex = ANY(?)", Long.class, (Object)
                        indexes.toArray(Long[]::new)));
    }
}
