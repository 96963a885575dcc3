package com.clinic.platform.bootstrap;

import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.application.projection.ProcessorStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for this instance: takes the event store's head and waits until every projection
 * segment running here has passed it. Segments owned by other instances are not waited for; their read
 * models converge within their polling interval.
 *
 * <p>Processes (streaming processors that cannot be reset because their handlers send commands) are
 * not waited for: they build no read model a client reads back, and the 1000-user benchmark showed the
 * waiting-list offer process running a few hundred events behind under load, which made every write
 * wait out the full timeout (docs/benchmarks.md).
 */
@Component
class AxonReadModelBarrier implements ReadModelBarrier {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Timer lag;

    AxonReadModelBarrier(EventStore eventStore, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.processing = processing;
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
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return true;
        }
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!caughtUp(head)) {
            if (System.nanoTime() > deadline) {
                lag.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        lag.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return true;
    }

    /**
     * Stopped or failing processors and segments are skipped, and so are segments rebuilding in a
     * replay (writes are refused meanwhile): waiting on them could only time out.
     */
    private boolean caughtUp(TrackingToken head) {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (AxonProjections.kind(processor) != ProcessorStatus.Kind.PROJECTION
                    || !(processor instanceof StreamingEventProcessor streaming)
                    || !streaming.isRunning()
                    || streaming.isError()) {
                continue;
            }
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                TrackingToken position = status.getTrackingToken();
                if (!status.isErrorState()
                        && !ReplayProgress.rebuilding(status)
                        && (position == null || !position.covers(head))) {
                    return false;
                }
            }
        }
        return true;
    }
}
