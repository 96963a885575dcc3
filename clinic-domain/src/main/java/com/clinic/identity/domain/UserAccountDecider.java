package com.clinic.identity.domain;

import com.clinic.identity.domain.UserAccountCommand.ActivateAccount;
import com.clinic.identity.domain.UserAccountCommand.ChangePassword;
import com.clinic.identity.domain.UserAccountCommand.ChangeRole;
import com.clinic.identity.domain.UserAccountCommand.DisableAccount;
import com.clinic.identity.domain.UserAccountCommand.EnableAccount;
import com.clinic.identity.domain.UserAccountCommand.EraseAccount;
import com.clinic.identity.domain.UserAccountCommand.InviteStaffAccount;
import com.clinic.identity.domain.UserAccountCommand.RegisterPatientAccount;
import com.clinic.identity.domain.UserAccountCommand.RequestPasswordReset;
import com.clinic.identity.domain.UserAccountCommand.ResetPassword;
import com.clinic.identity.domain.UserAccountEvent.AccountActivated;
import com.clinic.identity.domain.UserAccountEvent.AccountDisabled;
import com.clinic.identity.domain.UserAccountEvent.AccountEnabled;
import com.clinic.identity.domain.UserAccountEvent.AccountErased;
import com.clinic.identity.domain.UserAccountEvent.PasswordChanged;
import com.clinic.identity.domain.UserAccountEvent.PasswordReset;
import com.clinic.identity.domain.UserAccountEvent.PasswordResetRequested;
import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.identity.domain.UserAccountEvent.RoleChanged;
import com.clinic.identity.domain.UserAccountEvent.StaffAccountInvited;
import com.clinic.identity.domain.UserAccountState.Existing;
import com.clinic.identity.domain.UserAccountState.None;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a user account's life. Disabling, enabling and erasing are idempotent (repeating
 * them records nothing), so a retry is harmless; activation happens exactly once, and an erased
 * account stays disabled for good.
 * Who may ask for what (a manager inviting within their own clinic) is checked by the application.
 */
public final class UserAccountDecider implements Decider<UserAccountCommand, UserAccountEvent, UserAccountState> {

    @Override
    public UserAccountState initialState() {
        return new None();
    }

    @Override
    public List<UserAccountEvent> decide(UserAccountCommand command, UserAccountState state) {
        return switch (command) {
            case RegisterPatientAccount register -> {
                requireNew(state);
                yield List.of(
                        new PatientAccountRegistered(register.userId(), register.preferredLanguage(), register.at()));
            }
            case InviteStaffAccount invite -> {
                requireNew(state);
                if (!invite.role().isStaff()) {
                    throw new Rejection.RuleViolated(
                            "account.role-not-staff", invite.role().name());
                }
                RoleScope.check(invite.role(), invite.clinicId(), invite.branchId());
                yield List.of(new StaffAccountInvited(
                        invite.userId(),
                        invite.role(),
                        invite.clinicId().orElse(null),
                        invite.branchId().orElse(null),
                        invite.invitedBy(),
                        invite.at()));
            }
            case ActivateAccount activate -> {
                Existing account = requireExisting(state);
                requireNotDisabled(account);
                if (account.activated()) {
                    throw new Rejection.Conflict("account.already-active");
                }
                yield List.of(new AccountActivated(activate.userId(), activate.at()));
            }
            case ChangeRole change -> {
                Existing account = requireExisting(state);
                requireNotDisabled(account);
                if (account.role().isStaff() != change.role().isStaff()) {
                    throw new Rejection.RuleViolated(
                            "account.role-change-invalid",
                            account.role().name(),
                            change.role().name());
                }
                RoleScope.check(change.role(), change.clinicId(), change.branchId());
                if (sameRoleAndScope(account, change.role(), change.clinicId(), change.branchId())) {
                    yield List.of();
                }
                yield List.of(new RoleChanged(
                        change.userId(),
                        change.role(),
                        change.clinicId().orElse(null),
                        change.branchId().orElse(null),
                        change.at()));
            }
            case DisableAccount disable -> {
                Existing account = requireExisting(state);
                yield account.disabled() ? List.of() : List.of(new AccountDisabled(disable.userId(), disable.at()));
            }
            case EnableAccount enable -> {
                Existing account = requireExisting(state);
                if (account.erased()) {
                    throw new Rejection.Conflict("account.erased");
                }
                yield account.disabled() ? List.of(new AccountEnabled(enable.userId(), enable.at())) : List.of();
            }
            case EraseAccount erase -> {
                Existing account = requireExisting(state);
                yield account.erased() ? List.of() : List.of(new AccountErased(erase.userId(), erase.at()));
            }
            case ChangePassword change -> {
                requireActive(state);
                yield List.of(new PasswordChanged(change.userId(), change.at()));
            }
            case RequestPasswordReset request -> {
                requireActive(state);
                if (!request.expiresAt().isAfter(request.at())) {
                    throw new Rejection.RuleViolated("account.reset-expiry-invalid");
                }
                yield List.of(new PasswordResetRequested(request.userId(), request.expiresAt(), request.at()));
            }
            case ResetPassword reset -> {
                requireActive(state);
                yield List.of(new PasswordReset(reset.userId(), reset.at()));
            }
        };
    }

    @Override
    public UserAccountState evolve(UserAccountState state, UserAccountEvent event) {
        return switch (event) {
            case PatientAccountRegistered registered ->
                new Existing(registered.userId(), Role.PATIENT, Optional.empty(), Optional.empty(), true, false, false);
            case StaffAccountInvited invited ->
                new Existing(
                        invited.userId(),
                        invited.role(),
                        Optional.ofNullable(invited.clinicId()),
                        Optional.ofNullable(invited.branchId()),
                        false,
                        false,
                        false);
            case AccountActivated activated -> existing(state).withActivated();
            case RoleChanged changed ->
                existing(state)
                        .withRole(
                                changed.role(),
                                Optional.ofNullable(changed.clinicId()),
                                Optional.ofNullable(changed.branchId()));
            case AccountDisabled disabled -> existing(state).withDisabled(true);
            case AccountEnabled enabled -> existing(state).withDisabled(false);
            case AccountErased erased -> existing(state).withErased();
            case PasswordChanged changed -> state;
            case PasswordResetRequested requested -> state;
            case PasswordReset reset -> state;
        };
    }

    private static void requireNew(UserAccountState state) {
        if (state instanceof Existing) {
            throw new Rejection.Conflict("account.already-exists");
        }
    }

    private static Existing requireExisting(UserAccountState state) {
        if (state instanceof Existing existing) {
            return existing;
        }
        throw new Rejection.NotFound("account.not-found");
    }

    /**
     * Passwords are changed and reset only on an account that can sign in: an invited one sets its
     * first password by activation, and a disabled or erased one not at all.
     */
    private static void requireActive(UserAccountState state) {
        Existing account = requireExisting(state);
        requireNotDisabled(account);
        if (!account.activated()) {
            throw new Rejection.Conflict("account.not-active");
        }
    }

    private static void requireNotDisabled(Existing account) {
        if (account.disabled()) {
            throw new Rejection.Conflict("account.disabled");
        }
    }

    private static boolean sameRoleAndScope(
            Existing account, Role role, Optional<UUID> clinicId, Optional<UUID> branchId) {
        return account.role() == role
                && account.clinicId().equals(clinicId)
                && account.branchId().equals(branchId);
    }

    /** Events only ever follow a creation event, so a missing account here means a corrupt stream. */
    private static Existing existing(UserAccountState state) {
        if (state instanceof Existing existing) {
            return existing;
        }
        throw new IllegalStateException("Event for an account that was never created");
    }
}
