package com.clinic.identity.application;

import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.platform.application.axon.MetadataKeys;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a user account command and mirrors the resulting role, scope and status into the credential
 * table. Callers are transactional, so the event and the mirror commit (or roll back) together.
 */
@Component
class AccountCommands {

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final Clock clock;

    AccountCommands(CommandGateway commands, CredentialStore credentials, Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.clock = clock;
    }

    AccountSnapshot send(UserAccountCommand command) {
        return send(command, Optional.empty());
    }

    AccountSnapshot send(UserAccountCommand command, Optional<Long> expectedVersion) {
        Object message = expectedVersion
                .<Object>map(version -> GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(MetadataKeys.EXPECTED_VERSION, version)))
                .orElse(command);
        AccountSnapshot snapshot = commands.sendAndWait(message);
        credentials.mirror(
                snapshot.userId(),
                snapshot.role(),
                snapshot.clinicId(),
                snapshot.branchId(),
                snapshot.activated(),
                snapshot.disabled(),
                clock.instant());
        return snapshot;
    }
}
