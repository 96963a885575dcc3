package com.clinic.platform.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the projections: every event processor must be running and not in error. A processor
 * stuck in error means read models stop following the event store, so the instance is not ready. A
 * processor stopped on purpose for a projection replay (a paused process, a projection being reset)
 * does not count: the instance still answers reads and the replay's status.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final AxonProjections projections;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, AxonProjections projections) {
        this.processing = processing;
        this.projections = projections;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
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
            details.put(entry.getKey(), state);
            healthy &= (running || held) && !error;
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
