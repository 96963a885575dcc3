package com.clinic.identity.application;

import com.clinic.identity.domain.UserAccountCommand;
import com.clinic.identity.domain.UserAccountCommand.ActivateAccount;
import com.clinic.identity.domain.UserAccountCommand.ChangePassword;
import com.clinic.identity.domain.UserAccountCommand.ChangeRole;
import com.clinic.identity.domain.UserAccountCommand.DisableAccount;
import com.clinic.identity.domain.UserAccountCommand.EnableAccount;
import com.clinic.identity.domain.UserAccountCommand.EraseAccount;
import com.clinic.identity.domain.UserAccountCommand.InviteStaffAccount;
import com.clinic.identity.domain.UserAccountCommand.RegisterPatientAccount;
import com.clinic.identity.domain.UserAccountEvent;
import com.clinic.identity.domain.UserAccountEvent.AccountActivated;
import com.clinic.identity.domain.UserAccountEvent.AccountDisabled;
import com.clinic.identity.domain.UserAccountEvent.AccountEnabled;
import com.clinic.identity.domain.UserAccountEvent.AccountErased;
import com.clinic.identity.domain.UserAccountEvent.PasswordChanged;
import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.identity.domain.UserAccountEvent.RoleChanged;
import com.clinic.identity.domain.UserAccountEvent.StaffAccountInvited;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountAggregateTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final UUID USER = UUID.fromString("0190c0de-0000-7000-8000-000000000001");
    private static final UUID ADMIN = UUID.fromString("0190c0de-0000-7000-8000-0000000000ad");
    private static final UUID CLINIC = UUID.fromString("0190c0de-0000-7000-8000-00000000c11c");
    private static final UUID BRANCH = UUID.fromString("0190c0de-0000-7000-8000-00000000b4a0");
    private static final UUID OTHER_BRANCH = UUID.fromString("0190c0de-0000-7000-8000-00000000b4a1");

    private AggregateTestFixture<UserAccountAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccountAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    private static StaffAccountInvited doctorInvited() {
        return new StaffAccountInvited(USER, Role.DOCTOR, CLINIC, BRANCH, ADMIN, AT);
    }

    private static AccountActivated activated() {
        return new AccountActivated(USER, AT);
    }

    private static AccountDisabled disabled() {
        return new AccountDisabled(USER, AT);
    }

    @Test
    void aPatientWhoRegistersIsActiveAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatientAccount(USER, "ar", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PatientAccountRegistered(USER, "ar", AT))
                .expectResultMessagePayload(
                        new AccountSnapshot(USER, Role.PATIENT, Optional.empty(), Optional.empty(), true, false, 0L));
    }

    @Test
    void anInvitedStaffMemberWaitsForActivation() {
        fixture.givenNoPriorActivity()
                .when(new InviteStaffAccount(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), ADMIN, AT))
                .expectEvents(doctorInvited())
                .expectResultMessagePayload(new AccountSnapshot(
                        USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), false, false, 0L));
    }

    @Test
    void aManagerIsInvitedIntoAClinicWithoutABranch() {
        fixture.givenNoPriorActivity()
                .when(new InviteStaffAccount(USER, Role.MANAGER, Optional.of(CLINIC), Optional.empty(), ADMIN, AT))
                .expectEvents(new StaffAccountInvited(USER, Role.MANAGER, CLINIC, null, ADMIN, AT));
    }

    @Test
    void nobodyIsInvitedAsAPatient() {
        fixture.givenNoPriorActivity()
                .when(new InviteStaffAccount(USER, Role.PATIENT, Optional.empty(), Optional.empty(), ADMIN, AT))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("account.role-not-staff")
                .expectNoEvents();
    }

    @Test
    void aDoctorCannotBeInvitedWithoutABranch() {
        fixture.givenNoPriorActivity()
                .when(new InviteStaffAccount(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.empty(), ADMIN, AT))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("account.scope-invalid")
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotBeTiedToAClinic() {
        fixture.givenNoPriorActivity()
                .when(new InviteStaffAccount(USER, Role.ADMIN, Optional.of(CLINIC), Optional.empty(), ADMIN, AT))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("account.scope-invalid");
    }

    @Test
    void anInvitedAccountIsActivated() {
        fixture.given(doctorInvited())
                .when(new ActivateAccount(USER, AT))
                .expectEvents(activated())
                .expectResultMessagePayload(new AccountSnapshot(
                        USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), true, false, 1L));
    }

    @Test
    void anAccountCannotBeActivatedTwice() {
        fixture.given(doctorInvited(), activated())
                .when(new ActivateAccount(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.already-active")
                .expectNoEvents();
    }

    @Test
    void aRegisteredPatientNeedsNoActivation() {
        fixture.given(new PatientAccountRegistered(USER, "en", AT))
                .when(new ActivateAccount(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.already-active");
    }

    @Test
    void aDisabledInvitationCannotBeActivated() {
        fixture.given(doctorInvited(), disabled())
                .when(new ActivateAccount(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.disabled");
    }

    @Test
    void anAccountThatWasNeverCreatedCannotBeActivated() {
        fixture.givenNoPriorActivity()
                .when(new ActivateAccount(USER, AT))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aCreatedAccountCannotBeCreatedAgain() {
        // Creation always starts a new stream, so the event store refuses the duplicate before the
        // decider sees the account; its own guard (account.already-exists) is UserAccountDeciderTest's.
        fixture.given(doctorInvited())
                .when(new RegisterPatientAccount(USER, "en", AT))
                .expectException(EventStoreException.class)
                .expectNoEvents();
    }

    @Test
    void anAdministratorMovesADoctorToAnotherBranch() {
        fixture.given(doctorInvited(), activated())
                .when(new ChangeRole(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(OTHER_BRANCH), AT))
                .expectEvents(new RoleChanged(USER, Role.DOCTOR, CLINIC, OTHER_BRANCH, AT));
    }

    @Test
    void aDoctorIsPromotedToManagerOfTheClinic() {
        fixture.given(doctorInvited(), activated())
                .when(new ChangeRole(USER, Role.MANAGER, Optional.of(CLINIC), Optional.empty(), AT))
                .expectEvents(new RoleChanged(USER, Role.MANAGER, CLINIC, null, AT))
                .expectResultMessagePayload(new AccountSnapshot(
                        USER, Role.MANAGER, Optional.of(CLINIC), Optional.empty(), true, false, 2L));
    }

    @Test
    void changingToTheSameRoleAndScopeRecordsNothing() {
        fixture.given(doctorInvited(), activated())
                .when(new ChangeRole(USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRoleOfADisabledAccountCannotBeChanged() {
        fixture.given(doctorInvited(), activated(), disabled())
                .when(new ChangeRole(USER, Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(BRANCH), AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.disabled")
                .expectNoEvents();
    }

    @Test
    void aPatientCannotBecomeStaffByARoleChange() {
        fixture.given(new PatientAccountRegistered(USER, "en", AT))
                .when(new ChangeRole(USER, Role.ADMIN, Optional.empty(), Optional.empty(), AT))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("account.role-change-invalid");
    }

    @Test
    void staffCannotBecomeAPatientByARoleChange() {
        fixture.given(doctorInvited(), activated())
                .when(new ChangeRole(USER, Role.PATIENT, Optional.empty(), Optional.empty(), AT))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("account.role-change-invalid");
    }

    @Test
    void aNewRoleMustFitItsScope() {
        fixture.given(doctorInvited(), activated())
                .when(new ChangeRole(USER, Role.AUDITOR, Optional.of(CLINIC), Optional.empty(), AT))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("account.scope-invalid");
    }

    @Test
    void aRoleChangeBasedOnAStaleVersionIsRefused() {
        fixture.given(doctorInvited(), activated())
                .when(
                        new ChangeRole(USER, Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(BRANCH), AT),
                        Map.of(MetadataKeys.EXPECTED_VERSION, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aRoleChangeBasedOnTheCurrentVersionSucceeds() {
        fixture.given(doctorInvited(), activated())
                .when(
                        new ChangeRole(USER, Role.RECEPTIONIST, Optional.of(CLINIC), Optional.of(BRANCH), AT),
                        Map.of(MetadataKeys.EXPECTED_VERSION, 1L))
                .expectEvents(new RoleChanged(USER, Role.RECEPTIONIST, CLINIC, BRANCH, AT));
    }

    @Test
    void anActiveAccountIsDisabled() {
        fixture.given(doctorInvited(), activated())
                .when(new DisableAccount(USER, AT))
                .expectEvents(disabled())
                .expectResultMessagePayload(new AccountSnapshot(
                        USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), true, true, 2L));
    }

    @Test
    void aPendingInvitationCanBeDisabled() {
        fixture.given(doctorInvited()).when(new DisableAccount(USER, AT)).expectEvents(disabled());
    }

    @Test
    void disablingADisabledAccountRecordsNothing() {
        fixture.given(doctorInvited(), activated(), disabled())
                .when(new DisableAccount(USER, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDisabledAccountIsEnabledAgain() {
        fixture.given(doctorInvited(), activated(), disabled())
                .when(new EnableAccount(USER, AT))
                .expectEvents(new AccountEnabled(USER, AT))
                .expectResultMessagePayload(new AccountSnapshot(
                        USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), true, false, 3L));
    }

    @Test
    void anEnabledInvitationIsPendingAgain() {
        fixture.given(doctorInvited(), disabled())
                .when(new EnableAccount(USER, AT))
                .expectEvents(new AccountEnabled(USER, AT))
                .expectResultMessagePayload(new AccountSnapshot(
                        USER, Role.DOCTOR, Optional.of(CLINIC), Optional.of(BRANCH), false, false, 2L));
    }

    @Test
    void enablingAnEnabledAccountRecordsNothing() {
        fixture.given(doctorInvited(), activated())
                .when(new EnableAccount(USER, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anActiveAccountChangesItsPassword() {
        fixture.given(doctorInvited(), activated())
                .when(new ChangePassword(USER, AT))
                .expectEvents(new PasswordChanged(USER, AT));
    }

    @Test
    void anActiveAccountIsIssuedAResetLinkAndThenResetsItsPassword() {
        Instant expires = AT.plusSeconds(1800);
        fixture.given(doctorInvited(), activated())
                .when(new UserAccountCommand.RequestPasswordReset(USER, expires, AT))
                .expectEvents(new UserAccountEvent.PasswordResetRequested(USER, expires, AT));
        fixture.given(doctorInvited(), activated(), new UserAccountEvent.PasswordResetRequested(USER, expires, AT))
                .when(new UserAccountCommand.ResetPassword(USER, AT))
                .expectEvents(new UserAccountEvent.PasswordReset(USER, AT));
    }

    @Test
    void aPendingAccountIsNotIssuedAResetLink() {
        fixture.given(doctorInvited())
                .when(new UserAccountCommand.RequestPasswordReset(USER, AT.plusSeconds(1800), AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.not-active");
    }

    @Test
    void aDisabledAccountCannotResetItsPassword() {
        fixture.given(doctorInvited(), activated(), disabled())
                .when(new UserAccountCommand.ResetPassword(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.disabled");
    }

    @Test
    void aPendingAccountHasNoPasswordToChange() {
        fixture.given(doctorInvited())
                .when(new ChangePassword(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.not-active");
    }

    @Test
    void aDisabledAccountCannotChangeItsPassword() {
        fixture.given(doctorInvited(), activated(), disabled())
                .when(new ChangePassword(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.disabled");
    }

    @Test
    void anErasedAccountIsDisabledForGood() {
        fixture.given(new PatientAccountRegistered(USER, "ar", AT))
                .when(new EraseAccount(USER, AT))
                .expectEvents(new AccountErased(USER, AT))
                .expectResultMessagePayload(
                        new AccountSnapshot(USER, Role.PATIENT, Optional.empty(), Optional.empty(), true, true, 1L));
    }

    @Test
    void erasingAnErasedAccountRecordsNothing() {
        fixture.given(new PatientAccountRegistered(USER, "ar", AT), new AccountErased(USER, AT))
                .when(new EraseAccount(USER, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anErasedAccountCannotBeEnabledAgain() {
        fixture.given(new PatientAccountRegistered(USER, "ar", AT), new AccountErased(USER, AT))
                .when(new EnableAccount(USER, AT))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("account.erased");
    }
}
