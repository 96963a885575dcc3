package com.clinic.scheduling.application.availability;

import com.clinic.platform.application.axon.MetadataKeys;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends availability commands with the version the client based them on (If-Match), returning the new one. */
@Component
class AvailabilityCommands {

    private final CommandGateway gateway;

    AvailabilityCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    void send(Object command) {
        gateway.sendAndWait(command);
    }

    /** The aggregate version after the command; -1 when the handler does not report one. */
    long send(Object command, Optional<Long> expectedVersion) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (expectedVersion.isPresent()) {
            message = message.andMetaData(Map.of(MetadataKeys.EXPECTED_VERSION, expectedVersion.get()));
        }
        Object version = gateway.sendAndWait(message);
        return version instanceof Number number ? number.longValue() : -1L;
    }
}
