package com.clinic.identity.application;

import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.platform.application.axon.Commands;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends a user account command and mirrors the resulting role, scope and status into the credential
 * table. Callers are transactional, so the event and the mirror commit (or roll back) together.
 */
@Component
class AccountCommands {

    private final Commands commands;
    private final CredentialStore credentials;
    private final Clock clock;

    AccountCommands(Commands commands, CredentialStore credentials, Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.clock = clock;
    }

    AccountSnapshot send(UserAccountCommand command) {
        return send(command, Optional.empty());
    }

    AccountSnapshot send(UserAccountCommand command, Optional<Long> expectedVersion) {
        AccountSnapshot snapshot = commands.request(command, expectedVersion);
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
