package com.clinic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAccountDeciderTest {

    private static final UUID USER = UUID.fromString("00000000-0000-7000-8000-000000000030");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-7000-8000-000000000031");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final UUID OTHER_BRANCH = UUID.fromString("00000000-0000-7000-8000-000000000003");
    private static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");
    private static final UserAccountDecider DECIDER = new UserAccountDecider();

    private final DeciderSpecification<UserAccountCommand, UserAccountEvent, UserAccountState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final PatientAccountRegistered PATIENT_REGISTERED = new PatientAccountRegistered(USER, "ar", AT);
    private static final StaffAccountInvited DOCTOR_INVITED =
            new StaffAccountInvited(USER, Role.DOCTOR, CLINIC, BRANCH, ADMIN, AT);
    private static final AccountActivated ACTIVATED = new AccountActivated(USER, AT);
    private static final AccountDisabled DISABLED = new AccountDisabled(USER, AT);
    private static final AccountErased ERASED = new AccountErased(USER, AT);

    private static InviteStaffAccount invite(Role role, Optional<UUID> clinic, Optional<UUID> branch) {
        return new InviteStaffAccount(USER, role, clinic, branch, ADMIN, AT);
    }

    private static AccountStatus statusAfter(UserAccountState state) {
        return ((Existing) state).status();
    }

    @Test
    void aPatientWhoSignsUpIsActiveAtOnce() {
        UserAccountState state = spec.when(new RegisterPatientAccount(USER, "ar", AT))
                .then(PATIENT_REGISTERED)
                .andState(new Existing(USER, Role.PATIENT, Optional.empty(), Optional.empty(), true, false, false))
                .state();

        assertThat(statusAfter(state)).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void anInvitedStaffMemberWaitsForActivationInTheirScope() {
        UserAccountState state = spec.when(invite(Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH)))
                .then(DOCTOR_INVITED)
                .andState(
                        new Existing(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), false, false, false))
                .state();

        assertThat(statusAfter(state)).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void scopesARoleDoesNotHaveAreRecordedAsAbsent() {
        spec.when(invite(Role.AUDITOR, Optional.empty(), Optional.empty()))
                .then(new StaffAccountInvited(USER, Role.AUDITOR, null, null, ADMIN, AT));
        spec.when(invite(Role.MANAGER, Optional.of(CLINIC), Optional.empty()))
                .then(new StaffAccountInvited(USER, Role.MANAGER, CLINIC, null, ADMIN, AT));
    }

    @Test
    void anAccountIsCreatedOnlyOnce() {
        spec.given(DOCTOR_INVITED)
                .when(new RegisterPatientAccount(USER, "en", AT))
                .thenRejects(Rejection.Conflict.class, "account.already-exists");
        spec.given(PATIENT_REGISTERED)
                .when(invite(Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH)))
                .thenRejects(Rejection.Conflict.class, "account.already-exists");
    }

    @Test
    void onlyStaffRolesAreInvited() {
        spec.when(invite(Role.PATIENT, Optional.empty(), Optional.empty()))
                .thenRejects(Rejection.RuleViolated.class, "account.role-not-staff");
    }

    @Test
    void anInvitationMustFitItsRolesScope() {
        spec.when(invite(Role.DOCTOR, Optional.of(CLINIC), Optional.empty()))
                .thenRejects(Rejection.RuleViolated.class, "account.scope-invalid");
        spec.when(invite(Role.MANAGER, Optional.of(CLINIC), Optional.of(BRANCH)))
                .thenRejects(Rejection.RuleViolated.class, "account.scope-invalid");
        spec.when(invite(Role.ADMIN, Optional.of(CLINIC), Optional.empty()))
                .thenRejects(Rejection.RuleViolated.class, "account.scope-invalid");
    }

    @Test
    void anInvitedAccountIsActivatedExactlyOnce() {
        spec.given(DOCTOR_INVITED).when(new ActivateAccount(USER, AT)).then(ACTIVATED);
        spec.given(DOCTOR_INVITED, ACTIVATED)
                .when(new ActivateAccount(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.already-active");
        spec.given(PATIENT_REGISTERED)
                .when(new ActivateAccount(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.already-active");
    }

    @Test
    void aDisabledAccountCannotBeActivated() {
        spec.given(DOCTOR_INVITED, DISABLED)
                .when(new ActivateAccount(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.disabled");
    }

    @Test
    void everyCommandButCreationNeedsAnExistingAccount() {
        for (UserAccountCommand command : new UserAccountCommand[] {
            new ActivateAccount(USER, AT),
            new ChangeRole(USER, Role.MANAGER, Optional.of(CLINIC), Optional.empty(), AT),
            new DisableAccount(USER, AT),
            new EnableAccount(USER, AT),
            new EraseAccount(USER, AT),
            new ChangePassword(USER, AT),
            new RequestPasswordReset(USER, AT.plusSeconds(1800), AT),
            new ResetPassword(USER, AT)
        }) {
            spec.when(command).thenRejects(Rejection.NotFound.class, "account.not-found");
        }
    }

    @Test
    void aStaffMemberMovesToAnotherRoleOrScope() {
        spec.given(DOCTOR_INVITED, ACTIVATED)
                .when(new ChangeRole(USER, Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(OTHER_BRANCH), AT))
                .then(new RoleChanged(USER, Role.RECEPTIONIST, CLINIC, OTHER_BRANCH, AT))
                .andState(new Existing(
                        USER, Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(OTHER_BRANCH), true, false, false));
        spec.given(DOCTOR_INVITED)
                .when(new ChangeRole(USER, Role.MANAGER, Optional.of(CLINIC), Optional.empty(), AT))
                .then(new RoleChanged(USER, Role.MANAGER, CLINIC, null, AT));
    }

    @Test
    void theSameRoleAndScopeAgainRecordsNothing() {
        spec.given(DOCTOR_INVITED)
                .when(new ChangeRole(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), AT))
                .thenNothing();
    }

    @Test
    void staffNeverBecomePatientsNorPatientsStaff() {
        spec.given(DOCTOR_INVITED)
                .when(new ChangeRole(USER, Role.PATIENT, Optional.empty(), Optional.empty(), AT))
                .thenRejects(Rejection.RuleViolated.class, "account.role-change-invalid");
        Rejection rejection = spec.given(PATIENT_REGISTERED)
                .when(new ChangeRole(USER, Role.ADMIN, Optional.empty(), Optional.empty(), AT))
                .thenRejects(Rejection.RuleViolated.class, "account.role-change-invalid");

        assertThat(rejection.arguments()).containsExactly("PATIENT", "ADMIN");
    }

    @Test
    void aNewRoleMustFitItsScope() {
        spec.given(DOCTOR_INVITED)
                .when(new ChangeRole(USER, Role.MANAGER, Optional.of(CLINIC), Optional.of(BRANCH), AT))
                .thenRejects(Rejection.RuleViolated.class, "account.scope-invalid");
    }

    @Test
    void aDisabledAccountKeepsItsRole() {
        spec.given(DOCTOR_INVITED, DISABLED)
                .when(new ChangeRole(USER, Role.MANAGER, Optional.of(CLINIC), Optional.empty(), AT))
                .thenRejects(Rejection.Conflict.class, "account.disabled");
    }

    @Test
    void disablingIsRecordedOnceAndRepeatingItIsHarmless() {
        UserAccountState state = spec.given(DOCTOR_INVITED, ACTIVATED)
                .when(new DisableAccount(USER, AT))
                .then(DISABLED)
                .state();
        assertThat(statusAfter(state)).isEqualTo(AccountStatus.DISABLED);

        spec.given(DOCTOR_INVITED, ACTIVATED, DISABLED)
                .when(new DisableAccount(USER, AT))
                .thenNothing();
    }

    @Test
    void enablingADisabledAccountIsRecordedAndEnablingAnEnabledOneIsHarmless() {
        UserAccountState state = spec.given(DOCTOR_INVITED, ACTIVATED, DISABLED)
                .when(new EnableAccount(USER, AT))
                .then(new AccountEnabled(USER, AT))
                .state();
        assertThat(statusAfter(state)).isEqualTo(AccountStatus.ACTIVE);

        spec.given(DOCTOR_INVITED, ACTIVATED).when(new EnableAccount(USER, AT)).thenNothing();
    }

    @Test
    void erasureIsFinalAndImpliesDisabled() {
        UserAccountState state = spec.given(PATIENT_REGISTERED)
                .when(new EraseAccount(USER, AT))
                .then(ERASED)
                .andState(new Existing(USER, Role.PATIENT, Optional.empty(), Optional.empty(), true, true, true))
                .state();
        assertThat(statusAfter(state)).isEqualTo(AccountStatus.ERASED);

        spec.given(PATIENT_REGISTERED, ERASED)
                .when(new EnableAccount(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.erased");
        spec.given(PATIENT_REGISTERED, ERASED)
                .when(new DisableAccount(USER, AT))
                .thenNothing();
        spec.given(PATIENT_REGISTERED, ERASED)
                .when(new ChangePassword(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.disabled");
    }

    @Test
    void erasingAgainIsAHarmlessRetry() {
        spec.given(PATIENT_REGISTERED, ERASED).when(new EraseAccount(USER, AT)).thenNothing();
    }

    @Test
    void anActiveAccountChangesItsPassword() {
        spec.given(PATIENT_REGISTERED)
                .when(new ChangePassword(USER, AT))
                .then(new PasswordChanged(USER, AT))
                .andState(new Existing(USER, Role.PATIENT, Optional.empty(), Optional.empty(), true, false, false));
    }

    @Test
    void aPendingOrDisabledAccountCannotChangeItsPassword() {
        spec.given(DOCTOR_INVITED)
                .when(new ChangePassword(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.not-active");
        spec.given(DOCTOR_INVITED, ACTIVATED, DISABLED)
                .when(new ChangePassword(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.disabled");
    }

    @Test
    void anActiveAccountIsIssuedAResetLinkAndSetsItsPasswordWithIt() {
        Instant expires = AT.plusSeconds(1800);
        spec.given(PATIENT_REGISTERED)
                .when(new RequestPasswordReset(USER, expires, AT))
                .then(new PasswordResetRequested(USER, expires, AT));
        spec.given(DOCTOR_INVITED, ACTIVATED, new PasswordResetRequested(USER, expires, AT))
                .when(new ResetPassword(USER, AT.plusSeconds(60)))
                .then(new PasswordReset(USER, AT.plusSeconds(60)))
                .andState(
                        new Existing(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), true, false, false));
    }

    @Test
    void aResetLinkMustOutliveTheMomentItIsIssued() {
        spec.given(PATIENT_REGISTERED)
                .when(new RequestPasswordReset(USER, AT, AT))
                .thenRejects(Rejection.RuleViolated.class, "account.reset-expiry-invalid");
    }

    @Test
    void anInvitedDisabledOrErasedAccountIsNeitherIssuedALinkNorReset() {
        Instant expires = AT.plusSeconds(1800);
        spec.given(DOCTOR_INVITED)
                .when(new RequestPasswordReset(USER, expires, AT))
                .thenRejects(Rejection.Conflict.class, "account.not-active");
        spec.given(DOCTOR_INVITED)
                .when(new ResetPassword(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.not-active");
        spec.given(PATIENT_REGISTERED, DISABLED)
                .when(new RequestPasswordReset(USER, expires, AT))
                .thenRejects(Rejection.Conflict.class, "account.disabled");
        spec.given(PATIENT_REGISTERED, new PasswordResetRequested(USER, expires, AT), ERASED)
                .when(new ResetPassword(USER, AT))
                .thenRejects(Rejection.Conflict.class, "account.disabled");
    }
}
