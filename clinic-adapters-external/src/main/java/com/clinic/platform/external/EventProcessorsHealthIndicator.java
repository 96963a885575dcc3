package com.clinic.platform.external;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Readiness of the projections: every event processor must be running and not in error. A processor
 * stuck in error means read models stop following the event store, so the instance is not ready. A
 * processor stopped on purpose for a projection replay (a paused process, a projection being reset)
 * does not count: the instance still answers reads and the replay's status.
 *
 * <p>Dead letters (ADR 0016) make the status {@link #DEGRADED}, which readiness answers with 200: the
 * projection follows the event store for every other aggregate, and every instance shares the same
 * queue, so taking this one out of the load balancer would fix nothing and, on all instances at once,
 * stop the whole service for one broken aggregate. The status says it to probes and dashboards; each
 * processor's details (for administrators) carry its {@code deadLetters}.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    /** Serving, but some read model lacks events that are in its dead-letter queue. */
    static final Status DEGRADED = new Status("DEGRADED", "Some events are in a projection's dead-letter queue");

    private static final Logger log = LoggerFactory.getLogger(EventProcessorsHealthIndicator.class);

    private final EventProcessingConfiguration processing;
    private final AxonProjectionProcessors projections;
    private final AxonDeadLetterQueues deadLetters;

    EventProcessorsHealthIndicator(
            EventProcessingConfiguration processing,
            AxonProjectionProcessors projections,
            AxonDeadLetterQueues deadLetters) {
        this.processing = processing;
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Optional<Map<String, Long>> letters = lettersPerGroup();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        long parked = 0;
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            boolean running = processor.isRunning();
            boolean error = processor.isError();
            boolean held = projections.heldForReplay(entry.getKey());
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", running);
            state.put("error", error);
            if (held) {
                state.put("heldForReplay", true);
            }
            if (processor instanceof StreamingEventProcessor streaming) {
                state.put("replaying", streaming.isReplaying());
                state.put("activeSegments", streaming.processingStatus().size());
            }
            if (deadLetters.hasQueue(entry.getKey())) {
                if (letters.isEmpty()) {
                    state.put("deadLetters", "unknown");
                } else {
                    long count = letters.get().getOrDefault(entry.getKey(), 0L);
                    state.put("deadLetters", count);
                    parked += count;
                }
            }
            details.put(entry.getKey(), state);
            healthy &= (running || held) && !error;
        }
        Health.Builder health = healthy ? (parked > 0 ? Health.status(DEGRADED) : Health.up()) : Health.down();
        return health.withDetails(details).build();
    }

    /** Empty when the queue cannot be read: the database indicator reports the outage itself. */
    private Optional<Map<String, Long>> lettersPerGroup() {
        try {
            return Optional.of(deadLetters.lettersPerGroup());
        } catch (DataAccessException unavailable) {
            log.debug("Dead letters could not be counted for the health check", unavailable);
            return Optional.empty();
        }
    }
}
