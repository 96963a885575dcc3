package com.clinic.platform.bootstrap;

import com.clinic.platform.application.projection.WritesPausedForReplay;
import com.clinic.platform.application.projection.port.ProjectionProcessors;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Refuses every command while a projection replay is in progress. Command paths validate against
 * read models (a booking against the directory and availability, a queue command against the board),
 * so a command decided during a replay could act on a read model that is half empty. Deadlines are
 * unaffected: they are handled by the aggregates themselves, not dispatched as commands.
 */
final class CommandsPausedDuringReplay implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ProjectionProcessors projections;

    CommandsPausedDuringReplay(ProjectionProcessors projections) {
        this.projections = projections;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (projections.replayInProgress()) {
                throw new WritesPausedForReplay();
            }
            return command;
        };
    }
}
