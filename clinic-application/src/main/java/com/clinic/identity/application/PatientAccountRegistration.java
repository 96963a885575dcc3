package com.clinic.identity.application;

import com.clinic.identity.UserAccounts;
import com.clinic.identity.application.port.AttemptLimiter;
import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.application.port.CredentialStore.NewCredential;
import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.identity.application.port.SessionStore;
import com.clinic.identity.domain.PasswordPolicy;
import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Identity's public API for other contexts: patients' self-registration and account look-ups. */
@Service
public class PatientAccountRegistration implements UserAccounts {

    private final AccountCommands commands;
    private final CredentialStore credentials;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final AttemptLimiter limits;
    private final FieldCipher cipher;
    private final RegistrationThrottle throttle;
    private final Clock clock;

    public PatientAccountRegistration(
            AccountCommands commands,
            CredentialStore credentials,
            PasswordHasher hasher,
            SessionStore sessions,
            AttemptLimiter limits,
            FieldCipher cipher,
            RegistrationThrottle throttle,
            Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.hasher = hasher;
        this.sessions = sessions;
        this.limits = limits;
        this.cipher = cipher;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Joins the caller's transaction: the account and the caller's own records commit together. */
    @Override
    @Transactional
    public void registerPatient(PatientSignUp signUp) {
        register(signUp, () -> hasher.hash(signUp.password()));
    }

    @Override
    @Transactional
    public void registerPatient(PatientSignUp signUp, HashedPassword password) {
        Objects.requireNonNull(password, "password");
        register(signUp, password::encoded);
    }

    @Override
    public HashedPassword admitSelfRegistration(
            String clientAddress, Optional<String> email, Optional<String> phone, String password) {
        AttemptBudgets.Admission admission = throttle.admit(clientAddress, email, phone);
        String raw = password == null ? "" : password;
        PasswordPolicy.check(
                raw,
                email.filter(e -> !e.isBlank()).flatMap(LoginIdentifiers::login).orElse(null),
                phone.filter(p -> !p.isBlank()).flatMap(LoginIdentifiers::login).orElse(null));
        return new HashedPassword(hasher.hash(raw, admission.priority()));
    }

    @Override
    public Optional<Duration> knownRegistrationRefusal(String clientAddress) {
        return throttle.knownClientRefusal(clientAddress);
    }

    private void register(PatientSignUp signUp, Supplier<String> passwordHash) {
        Objects.requireNonNull(signUp, "signUp");
        Optional<String> email = signUp.email().filter(e -> !e.isBlank()).map(LoginIdentifiers::email);
        Optional<String> phone = signUp.phoneE164().filter(p -> !p.isBlank()).map(LoginIdentifiers::phone);
        if (email.isEmpty() && phone.isEmpty()) {
            throw new Rejection.RuleViolated("account.login-required");
        }
        PasswordPolicy.check(signUp.password(), email.orElse(null), phone.orElse(null));
        Instant now = clock.instant();
        boolean inserted = credentials.insert(new NewCredential(
                signUp.userId(),
                email.map(cipher::encrypt),
                email.map(cipher::blindIndex),
                phone.map(cipher::encrypt),
                phone.map(cipher::blindIndex),
                Optional.of(passwordHash.get()),
                Role.PATIENT,
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty(),
                now));
        if (!inserted) {
            throw new Rejection.Conflict("account.identifier-taken");
        }
        commands.send(new UserAccountCommand.RegisterPatientAccount(
                signUp.userId(), language(signUp.preferredLanguage()), now));
    }

    @Override
    public Optional<AccountSummary> find(UUID userId) {
        return credentials
                .findById(userId)
                .map(c -> new AccountSummary(
                        c.userId(), c.role(), c.activated() && !c.disabled(), c.clinicId(), c.branchId()));
    }

    @Override
    @Transactional
    public void erasePatientAccount(UUID userId) {
        Optional<CredentialStore.Credential> credential = credentials.findById(userId);
        if (credential.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // Sign-in and registration budgets are keyed by the login's blind index: that too points at the person.
        Stream.of(credential.get().emailEncrypted(), credential.get().phoneEncrypted())
                .flatMap(Optional::stream)
                .map(cipher::decrypt)
                .forEach(login -> limits.forgetEveryKeyNaming(cipher.blindIndex(login)));
        commands.send(new UserAccountCommand.EraseAccount(userId, now));
        credentials.erase(userId, now);
        sessions.revokeAllSessionsOf(userId, "account-erased", now);
    }

    private static String language(String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return "en";
        }
        String tag = Locale.forLanguageTag(preferred.strip()).toLanguageTag();
        return tag.equals("und") ? "en" : tag;
    }
}
