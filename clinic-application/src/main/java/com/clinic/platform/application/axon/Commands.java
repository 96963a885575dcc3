package com.clinic.platform.application.axon;

import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The one way use cases send commands: and wait, in the caller's thread and transaction, so a
 * rejection surfaces as the typed exception the handler threw. A command that changes a resource a
 * client read carries the version that client based it on (from {@code If-Match}); the aggregate
 * refuses it with 412 when the version is stale.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command) {
        gateway.sendAndWait(command);
    }

    /** For a command whose handler answers what the caller needs next (an id, a snapshot, a decision). */
    public <R> R request(Object command) {
        return gateway.sendAndWait(command);
    }

    /** As {@link #request(Object)}, refused with 412 unless the aggregate is still at {@code expectedVersion}. */
    public <R> R request(Object command, Optional<Long> expectedVersion) {
        return gateway.sendAndWait(withExpectedVersion(command, expectedVersion));
    }

    /** The aggregate version after the command (unchanged when nothing happened); -1 when the handler reports none. */
    public long send(Object command, Optional<Long> expectedVersion) {
        Object version = gateway.sendAndWait(withExpectedVersion(command, expectedVersion));
        return version instanceof Number number ? number.longValue() : -1L;
    }

    private static Object withExpectedVersion(Object command, Optional<Long> expectedVersion) {
        if (expectedVersion.isEmpty()) {
            return command;
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        return message.andMetaData(Map.of(MetadataKeys.EXPECTED_VERSION, expectedVersion.get()));
    }
}
