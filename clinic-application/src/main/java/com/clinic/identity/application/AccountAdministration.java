package com.clinic.identity.application;

import com.clinic.identity.StaffInvitationIssued;
import com.clinic.identity.StaffScopeDirectory;
import com.clinic.identity.application.port.CredentialStore;
import com.clinic.identity.application.port.CredentialStore.NewCredential;
import com.clinic.identity.application.port.SessionStore;
import com.clinic.identity.application.port.UserAccountQueries;
import com.clinic.identity.application.port.UserAccountQueries.UserAccountView;
import com.clinic.identity.domain.RoleScope;
import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: invitations by administrators (any staff role, anywhere) and managers (doctors and
 * receptionists of their own clinic), and the administrator's role changes, disabling and listing.
 * A scope is only ever given as it stands in the directory: the clinic exists and the branch is one
 * of its branches, because every scope check afterwards trusts the account's clinic and branch.
 */
@Service
public class AccountAdministration {

    /** Roles a manager may hand out: only those below manager. */
    private static final Set<Role> BRANCH_STAFF = EnumSet.of(Role.DOCTOR, Role.RECEPTIONIST);

    public record Invite(String email, Role role, Optional<UUID> clinicId, Optional<UUID> branchId) {}

    /** The activation token is shown exactly once, here; only its hash is kept. */
    public record Invitation(UUID userId, String activationToken, Instant activationExpiresAt, long version) {}

    private final AccountCommands commands;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final UserAccountQueries queries;
    private final StaffScopeDirectory directory;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;
    private final AccessPolicy access;
    private final ApplicationEventPublisher events;

    public AccountAdministration(
            AccountCommands commands,
            CredentialStore credentials,
            SessionStore sessions,
            UserAccountQueries queries,
            StaffScopeDirectory directory,
            FieldCipher cipher,
            IdGenerator ids,
            Clock clock,
            IdentitySettings settings,
            AccessPolicy access,
            ApplicationEventPublisher events) {
        this.access = access;
        this.events = events;
        this.commands = commands;
        this.credentials = credentials;
        this.sessions = sessions;
        this.queries = queries;
        this.directory = directory;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional
    public Invitation invite(Actor actor, Invite invite) {
        requireMayInvite(actor, invite);
        requireScopeInDirectory(invite.role(), invite.clinicId(), invite.branchId());
        String email = LoginIdentifiers.email(invite.email());
        Instant now = clock.instant();
        UUID userId = ids.next();
        String token = SecretTokens.generate();
        Instant expiresAt = now.plus(settings.activationTokenTtl());
        boolean inserted = credentials.insert(new NewCredential(
                userId,
                Optional.of(cipher.encrypt(email)),
                Optional.of(cipher.blindIndex(email)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                invite.role(),
                invite.clinicId(),
                invite.branchId(),
                false,
                Optional.of(SecretTokens.hash(token)),
                Optional.of(expiresAt),
                now));
        if (!inserted) {
            throw new Rejection.Conflict("account.identifier-taken");
        }
        AccountSnapshot snapshot = commands.send(new UserAccountCommand.InviteStaffAccount(
                userId, invite.role(), invite.clinicId(), invite.branchId(), actor.userId(), now));
        events.publishEvent(
                new StaffInvitationIssued(userId, token, expiresAt, email, invite.clinicId(), invite.branchId(), now));
        return new Invitation(userId, token, expiresAt, snapshot.version());
    }

    @Transactional
    public AccountSnapshot changeRole(
            Actor actor,
            UUID userId,
            Role role,
            Optional<UUID> clinicId,
            Optional<UUID> branchId,
            Optional<Long> expectedVersion) {
        requireAdmin(actor);
        requireExisting(userId);
        if (actor.userId().equals(userId)) {
            throw new Rejection.RuleViolated("account.cannot-change-own-role");
        }
        requireScopeInDirectory(role, clinicId, branchId);
        return commands.send(
                new UserAccountCommand.ChangeRole(userId, role, clinicId, branchId, clock.instant()), expectedVersion);
    }

    /** Disables the account and ends all its sessions, so its access tokens stop working at once. */
    @Transactional
    public AccountSnapshot disable(Actor actor, UUID userId) {
        requireAdmin(actor);
        requireExisting(userId);
        if (actor.userId().equals(userId)) {
            throw new Rejection.RuleViolated("account.cannot-disable-self");
        }
        Instant now = clock.instant();
        AccountSnapshot snapshot = commands.send(new UserAccountCommand.DisableAccount(userId, now));
        sessions.revokeAllSessionsOf(userId, "account-disabled", now);
        return snapshot;
    }

    @Transactional
    public AccountSnapshot enable(Actor actor, UUID userId) {
        requireAdmin(actor);
        requireExisting(userId);
        return commands.send(new UserAccountCommand.EnableAccount(userId, clock.instant()));
    }

    public Page<UserAccountView> list(Actor actor, UserAccountQueries.Filter filter, PageRequest page) {
        requireAdmin(actor);
        return queries.list(filter, page);
    }

    public UserAccountView get(Actor actor, UUID userId) {
        requireAdmin(actor);
        return queries.find(userId).orElseThrow(() -> new Rejection.NotFound("account.not-found"));
    }

    private void requireExisting(UUID userId) {
        if (credentials.findById(userId).isEmpty()) {
            throw new Rejection.NotFound("account.not-found");
        }
    }

    private void requireAdmin(Actor actor) {
        access.requireRole(actor, IdentityOperation.ADMINISTER_ACCOUNTS);
    }

    /** The invited account's clinic places it; that its branch is one of that clinic's is checked next. */
    private void requireMayInvite(Actor actor, Invite invite) {
        IdentityOperation operation = BRANCH_STAFF.contains(invite.role())
                ? IdentityOperation.INVITE_BRANCH_STAFF
                : IdentityOperation.INVITE_ANY_STAFF;
        access.require(
                actor, operation, new Target(invite.clinicId(), invite.branchId(), Optional.empty(), Optional.empty()));
    }

    /** The role's scope is complete (422), its clinic exists and its branch is one of that clinic's (404). */
    private void requireScopeInDirectory(Role role, Optional<UUID> clinicId, Optional<UUID> branchId) {
        RoleScope.check(role, clinicId, branchId);
        if (clinicId.isPresent() && !directory.clinicExists(clinicId.get())) {
            throw new Rejection.NotFound("account.clinic-not-found", clinicId.get());
        }
        if (branchId.isPresent() && !directory.clinicOfBranch(branchId.get()).equals(clinicId)) {
            throw new Rejection.NotFound("account.branch-not-in-clinic", branchId.get(), clinicId.orElseThrow());
        }
    }
}
