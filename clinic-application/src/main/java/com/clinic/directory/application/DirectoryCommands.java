package com.clinic.directory.application;

import com.clinic.platform.application.axon.MetadataKeys;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends directory commands, carrying the version a client based its change on (from If-Match) so a
 * stale change fails with 412 instead of silently overwriting someone else's.
 */
@Component
public class DirectoryCommands {

    private final CommandGateway gateway;

    public DirectoryCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command) {
        gateway.sendAndWait(command);
    }

    /** For a command whose handler answers what the caller needs next (for example a linked account's id). */
    public <R> R request(Object command) {
        return gateway.sendAndWait(command);
    }

    /** Returns the aggregate version after the command (unchanged when nothing happened). */
    public long send(Object command, Optional<Long> expectedVersion) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (expectedVersion.isPresent()) {
            message = message.andMetaData(Map.of(MetadataKeys.EXPECTED_VERSION, expectedVersion.get()));
        }
        Object version = gateway.sendAndWait(message);
        return version instanceof Number number ? number.longValue() : -1L;
    }
}
