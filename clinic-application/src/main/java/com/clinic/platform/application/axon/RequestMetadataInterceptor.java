package com.clinic.platform.application.axon;

import com.clinic.platform.application.context.RequestContext;
import com.clinic.platform.application.context.WritesInRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Stamps every dispatched command with who sent it and for which request; Axon's correlation data
 * providers then copy those entries onto each event the command causes.
 */
public final class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> withRequestMetadata(command);
    }

    private static <T> CommandMessage<T> withRequestMetadata(CommandMessage<T> command) {
        WritesInRequest.markDispatched();
        return RequestContext.current()
                .map(context -> {
                    Map<String, Object> entries = new HashMap<>();
                    context.actor().ifPresent(actor -> {
                        entries.put(MetadataKeys.USER_ID, actor.userId().toString());
                        entries.put(MetadataKeys.USER_ROLE, actor.role().name());
                    });
                    entries.put(MetadataKeys.REQUEST_ID, context.requestId());
                    entries.put(MetadataKeys.CORRELATION_ID, context.correlationId());
                    entries.put(MetadataKeys.CLIENT_ADDRESS, context.clientAddress());
                    return command.andMetaData(entries);
                })
                .orElse(command);
    }
}
