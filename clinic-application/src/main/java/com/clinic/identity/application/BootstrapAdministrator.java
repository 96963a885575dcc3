package com.clinic.identity.application;

import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.application.port.CredentialStore.NewCredential;
import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.identity.domain.PasswordPolicy;
import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of a fresh installation, from configuration. Idempotent, and safe when
 * several instances start at once: the e-mail's unique blind index lets exactly one insert win.
 */
@Service
public class BootstrapAdministrator {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final AccountCommands commands;
    private final CredentialStore credentials;
    private final PasswordHasher hasher;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;

    public BootstrapAdministrator(
            AccountCommands commands,
            CredentialStore credentials,
            PasswordHasher hasher,
            FieldCipher cipher,
            IdGenerator ids,
            Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.hasher = hasher;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates an active ADMIN with this e-mail unless an account already has it; true if created. */
    @Transactional
    public boolean ensure(String rawEmail, String password) {
        String email = LoginIdentifiers.email(rawEmail);
        String index = cipher.blindIndex(email);
        if (credentials.findByLoginIndex(index).isPresent()) {
            return false;
        }
        PasswordPolicy.check(password, email);
        Instant now = clock.instant();
        UUID userId = ids.next();
        boolean inserted = credentials.insert(new NewCredential(
                userId,
                Optional.of(cipher.encrypt(email)),
                Optional.of(index),
                Optional.empty(),
                Optional.empty(),
                Optional.of(hasher.hash(password)),
                Role.ADMIN,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                now));
        if (!inserted) {
            return false;
        }
        commands.send(new UserAccountCommand.InviteStaffAccount(
                userId, Role.ADMIN, Optional.empty(), Optional.empty(), userId, now));
        commands.send(new UserAccountCommand.ActivateAccount(userId, now));
        log.info("Created the bootstrap administrator account {}", userId);
        return true;
    }
}
