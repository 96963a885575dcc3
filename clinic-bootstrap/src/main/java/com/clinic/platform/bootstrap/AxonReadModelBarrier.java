package com.clinic.platform.bootstrap;

import com.clinic.platform.application.context.ReadModelBarrier;
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
 * Read-your-writes for this instance: takes the event store's head and waits until every streaming
 * processor segment running here has passed it. Segments owned by other instances are not waited
 * for; their read models converge within their polling interval.
 */
@Component
class AxonReadModelBarrier implements ReadModelBarrier {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    AxonReadModelBarrier(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    @Override
    public boolean awaitCaughtUp(Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(head)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }

    /**
     * Stopped or failing processors and segments are skipped, and so are segments rebuilding in a
     * replay (writes are refused meanwhile): waiting on them could only time out.
     */
    private boolean caughtUp(TrackingToken head) {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)
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
