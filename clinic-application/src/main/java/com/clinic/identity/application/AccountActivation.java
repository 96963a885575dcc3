package com.clinic.identity.application;

import com.clinic.identity.PasswordResetLinkIssued;
import com.clinic.identity.application.AttemptBudgets.Budget;
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
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: the one-time activation of an invited account, a signed-in user changing theirs, and
 * a forgotten one reset with a link sent to the account's own e-mail or phone.
 */
@Service
public class AccountActivation {

    private final AccountCommands commands;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final FieldCipher cipher;
    private final AttemptBudgets budgets;
    private final IdentitySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountActivation(
            AccountCommands commands,
            CredentialStore credentials,
            SessionStore sessions,
            PasswordHasher hasher,
            FieldCipher cipher,
            AttemptBudgets budgets,
            IdentitySettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.sessions = sessions;
        this.hasher = hasher;
        this.cipher = cipher;
        this.budgets = budgets;
        this.settings = settings;
        this.events = events;
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

    /**
     * Sends a reset link to the account with this login, if there is one that can sign in; answers
     * the same either way, so that nobody learns which logins exist. Budgeted per client and per
     * login whatever the outcome (429 {@value LoginThrottled#RESETS_CODE}), so the owner's inbox
     * cannot be flooded. A new link replaces the account's earlier one.
     */
    @Transactional
    public void requestReset(String login, String clientAddress) {
        Optional<String> normalized = LoginIdentifiers.login(String.valueOf(login));
        IdentitySettings.PasswordReset limits = settings.passwordReset();
        List<Budget> wanted = new ArrayList<>(2);
        wanted.add(new Budget("reset:client:" + cipher.blindIndex("client:" + clientAddress), limits.perClient()));
        normalized.ifPresent(l -> wanted.add(new Budget("reset:login:" + cipher.blindIndex(l), limits.perLogin())));
        budgets.takeAll(LoginThrottled.RESETS_CODE, wanted);
        Optional<Credential> account = normalized
                .map(cipher::blindIndex)
                .flatMap(credentials::findByLoginIndex)
                .filter(Credential::canSignIn);
        if (account.isEmpty()) {
            return;
        }
        Credential credential = account.get();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(limits.linkTtl());
        String token = SecretTokens.generate();
        commands.send(new UserAccountCommand.RequestPasswordReset(credential.userId(), expiresAt, now));
        credentials.startPasswordReset(credential.userId(), SecretTokens.hash(token), expiresAt, now);
        events.publishEvent(new PasswordResetLinkIssued(
                credential.userId(),
                token,
                expiresAt,
                credential.emailEncrypted().map(cipher::decrypt),
                credential.phoneEncrypted().map(cipher::decrypt),
                credential.clinicId(),
                credential.branchId(),
                now));
    }

    /**
     * Sets a new password with a reset link's secret and ends every session of the account. An
     * unknown, used or expired link all answer the same 422; the link works once.
     */
    @Transactional
    public UUID reset(String resetToken, String password) {
        Instant now = clock.instant();
        Credential credential = credentials
                .findByResetTokenHash(SecretTokens.hash(String.valueOf(resetToken)))
                .filter(pending -> pending.expiresAt().isAfter(now))
                .flatMap(pending -> credentials.findById(pending.userId()))
                .filter(Credential::canSignIn)
                .orElseThrow(() -> new Rejection.RuleViolated("account.reset-token-invalid"));
        PasswordPolicy.check(password, logins(credential));
        String hash = hasher.hash(password);
        commands.send(new UserAccountCommand.ResetPassword(credential.userId(), now));
        credentials.completePasswordReset(credential.userId(), hash, now);
        sessions.revokeAllSessionsOf(credential.userId(), "password-reset", now);
        return credential.userId();
    }

    private String[] logins(Credential credential) {
        List<String> logins = new ArrayList<>();
        credential.emailEncrypted().map(cipher::decrypt).ifPresent(logins::add);
        credential.phoneEncrypted().map(cipher::decrypt).ifPresent(logins::add);
        return logins.toArray(String[]::new);
    }
}
