package com.clinic.platform.application.projection;

import java.util.List;
import java.util.Optional;

/**
 * Every event processor of this instance, as seen by this instance.
 *
 * @param head the global index of the newest stored event; empty while the event store is empty
 * @param replaying whether any replay is still in progress
 * @param writesPaused whether commands are refused because a replay is in progress
 */
public record ProjectionsStatus(
        Optional<Long> head, boolean replaying, boolean writesPaused, List<ProcessorStatus> processors) {

    public ProjectionsStatus {
        processors = List.copyOf(processors);
    }
}
