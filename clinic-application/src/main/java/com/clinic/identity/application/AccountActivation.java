package com.clinic.identity.application;

import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.application.port.CredentialStore.Credential;
import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.identity.application.port.SessionStore;
import com.clinic.identity.domain.PasswordPolicy;
import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Passwords: the one-time activation of an invited account, and a signed-in user changing theirs. */
@Service
public class AccountActivation {

    private final AccountCommands commands;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final FieldCipher cipher;
    private final Clock clock;

    public AccountActivation(
            AccountCommands commands,
            CredentialStore credentials,
            SessionStore sessions,
            PasswordHasher hasher,
            FieldCipher cipher,
            Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.sessions = sessions;
        this.hasher = hasher;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Sets the first password. An unknown, used or expired token all answer the same 422, so the
     * endpoint cannot be used to probe which tokens once existed.
     */
    @Transactional
    public UUID activate(String activationToken, String password) {
        Instant now = clock.instant();
        UUID userId = credentials
                .findByActivationTokenHash(SecretTokens.hash(String.valueOf(activationToken)))
                .filter(pending -> pending.expiresAt().isAfter(now))
                .map(CredentialStore.PendingActivation::userId)
                .orElseThrow(() -> new Rejection.RuleViolated("account.activation-token-invalid"));
        Credential credential = credentials.findById(userId).orElseThrow();
        PasswordPolicy.check(password, logins(credential));
        String hash = hasher.hash(password);
        commands.send(new UserAccountCommand.ActivateAccount(userId, now));
        credentials.completeActivation(userId, hash, now);
        return userId;
    }

    /** Requires the current password; every session of the account ends, including the caller's. */
    @Transactional
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        Credential credential =
                credentials.findById(actor.userId()).orElseThrow(() -> new Rejection.NotFound("account.not-found"));
        boolean matches = credential
                .passwordHash()
                .map(hash -> hasher.matches(String.valueOf(currentPassword), hash))
                .orElse(false);
        if (!matches) {
            throw new Rejection.RuleViolated("account.current-password-wrong");
        }
        PasswordPolicy.check(newPassword, logins(credential));
        Instant now = clock.instant();
        commands.send(new UserAccountCommand.ChangePassword(actor.userId(), now));
        credentials.changePasswordHash(actor.userId(), hasher.hash(newPassword), now);
        sessions.revokeAllSessionsOf(actor.userId(), "password-changed", now);
    }

    private String[] logins(Credential credential) {
        List<String> logins = new ArrayList<>();
        credential.emailEncrypted().map(cipher::decrypt).ifPresent(logins::add);
        credential.phoneEncrypted().map(cipher::decrypt).ifPresent(logins::add);
        return logins.toArray(String[]::new);
    }
}
