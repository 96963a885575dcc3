package com.clinic.identity.application;

import com.clinic.identity.application.port.AccessTokenIssuer;
import com.clinic.identity.application.port.AccessTokenVerifier;
import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.application.port.CredentialStore.Credential;
import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.identity.application.port.SessionStore;
import com.clinic.identity.application.port.SessionStore.RefreshUse;
import com.clinic.identity.domain.AccountStatus;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in, refresh-token rotation, sign-out and the per-request access-token check.
 *
 * <p>Sign-in is deliberately not one transaction: a failed attempt must be recorded even though
 * the call then fails. Refresh is one transaction that keeps its writes when it fails, because
 * revoking a family on reuse is exactly the write that must survive the 401.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer issuer;
    private final AccessTokenVerifier verifier;
    private final LoginThrottle throttle;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;
    private final DeviceTokens devices;
    private final String dummyHash;

    public SessionService(
            CredentialStore credentials,
            SessionStore sessions,
            PasswordHasher hasher,
            AccessTokenIssuer issuer,
            AccessTokenVerifier verifier,
            LoginThrottle throttle,
            FieldCipher cipher,
            IdGenerator ids,
            Clock clock,
            IdentitySettings settings,
            DeviceTokens devices) {
        this.devices = devices;
        this.credentials = credentials;
        this.sessions = sessions;
        this.hasher = hasher;
        this.issuer = issuer;
        this.verifier = verifier;
        this.throttle = throttle;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        // Checked against for unknown logins so that they cost as much time as a wrong password.
        this.dummyHash = hasher.hash(SecretTokens.generate());
    }

    /**
     * A password sign-in. {@code deviceToken}, handed out by an earlier sign-in to this login, ranks
     * the hash above clients the server has not met (ADR 0013); it spares no budget and no password.
     */
    public TokenPair login(String login, String password, String clientAddress, Optional<String> deviceToken) {
        Optional<String> normalized = LoginIdentifiers.login(login);
        String loginIndex = cipher.blindIndex(normalized.orElse(String.valueOf(login)));
        String clientIndex = cipher.blindIndex("client:" + clientAddress);
        // Reserved before the hash, so parallel guesses cannot all pass a check made before any failure is recorded.
        AttemptBudgets.Admission admission = throttle.admit(loginIndex, clientIndex);
        Instant now = clock.instant();
        int priority = deviceToken
                        .filter(token -> devices.recognises(token, loginIndex, now))
                        .isPresent()
                ? PasswordHasher.KNOWN_DEVICE
                : admission.priority();

        Optional<Credential> credential =
                normalized.isPresent() ? credentials.findByLoginIndex(loginIndex) : Optional.empty();
        Optional<String> storedHash = credential.flatMap(Credential::passwordHash);
        boolean passwordMatches;
        if (storedHash.isPresent()) {
            passwordMatches = hasher.matches(String.valueOf(password), storedHash.get(), priority);
        } else {
            boolean ignored = hasher.matches(String.valueOf(password), dummyHash, priority);
            passwordMatches = false;
        }
        if (!passwordMatches || !credential.get().canSignIn()) {
            throw new AuthenticationFailed(AuthenticationFailed.INVALID_CREDENTIALS);
        }
        throttle.succeeded(admission, loginIndex, clientIndex);
        Credential account = credential.get();
        UUID sessionId = ids.next();
        sessions.openSession(sessionId, account.userId(), now);
        return issue(account, sessionId, now, Optional.of(devices.issue(loginIndex, now)));
    }

    /**
     * How long sign-ins from this client are still refused, as far as this instance already knows
     * (no round trip): lets the HTTP layer answer a client that retries at once without doing the
     * work again (ADR 0013).
     */
    public Optional<Duration> knownSignInRefusal(String clientAddress) {
        return throttle.knownClientRefusal(cipher.blindIndex("client:" + clientAddress));
    }

    @Transactional(noRollbackFor = AuthenticationFailed.class)
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshUse use = sessions.useRefreshToken(SecretTokens.hash(refreshToken), now);
        switch (use) {
            case RefreshUse.Rotated rotated -> {
                Optional<Credential> account =
                        credentials.findById(rotated.userId()).filter(Credential::canSignIn);
                if (account.isEmpty()) {
                    sessions.revokeSession(rotated.sessionId(), "account-inactive", now);
                    throw new AuthenticationFailed(AuthenticationFailed.INVALID_REFRESH_TOKEN);
                }
                return issue(account.get(), rotated.sessionId(), now, Optional.empty());
            }
            case RefreshUse.Reused reused -> {
                log.warn("A used refresh token was presented again; revoking session {}", reused.sessionId());
                sessions.revokeSession(reused.sessionId(), "refresh-token-reuse", now);
                throw new AuthenticationFailed(AuthenticationFailed.INVALID_REFRESH_TOKEN);
            }
            case RefreshUse.Rejected rejected ->
                throw new AuthenticationFailed(AuthenticationFailed.INVALID_REFRESH_TOKEN);
        }
    }

    /** Ends the session the token belongs to; unknown tokens are ignored, so the answer reveals nothing. */
    @Transactional
    public void logout(String refreshToken) {
        sessions.sessionOfRefreshToken(SecretTokens.hash(refreshToken))
                .ifPresent(sessionId -> sessions.revokeSession(sessionId, "logout", clock.instant()));
    }

    /**
     * The actor an access token stands for, if its signature and expiry hold, its session is still
     * open, and the account is still active with the role and scope the token claims. A role change
     * thus invalidates older tokens at once; the client refreshes to get one with the new role.
     */
    public Optional<Actor> authenticate(String accessToken) {
        return verifier.verify(accessToken)
                .filter(token -> sessions.access(token.sessionId())
                        .filter(access -> !access.revoked() && access.accountActive())
                        .filter(access -> access.userId().equals(token.actor().userId()))
                        .filter(access -> access.role() == token.actor().role()
                                && access.clinicId().equals(token.actor().clinicId())
                                && access.branchId().equals(token.actor().branchId()))
                        .isPresent())
                .map(AccessTokenVerifier.VerifiedToken::actor);
    }

    /** Who the caller is, as the write side knows it right now. */
    public Me me(Actor actor) {
        Credential credential =
                credentials.findById(actor.userId()).orElseThrow(() -> new Rejection.NotFound("account.not-found"));
        AccountStatus status = credential.disabled()
                ? AccountStatus.DISABLED
                : credential.activated() ? AccountStatus.ACTIVE : AccountStatus.PENDING;
        return new Me(credential.userId(), credential.role(), credential.clinicId(), credential.branchId(), status);
    }

    public record Me(UUID userId, Role role, Optional<UUID> clinicId, Optional<UUID> branchId, AccountStatus status) {}

    private TokenPair issue(Credential account, UUID sessionId, Instant now, Optional<String> deviceToken) {
        String refreshToken = SecretTokens.generate();
        sessions.storeRefreshToken(
                SecretTokens.hash(refreshToken),
                sessionId,
                account.userId(),
                now,
                now.plus(settings.refreshTokenTtl()));
        Actor actor = new Actor(account.userId(), account.role(), account.clinicId(), account.branchId());
        AccessTokenIssuer.AccessToken access = issuer.issue(actor, sessionId, now);
        return new TokenPair(access.value(), Duration.between(now, access.expiresAt()), refreshToken, deviceToken);
    }
}
