package com.clinic.identity.persistence;

import static com.clinic.identity.persistence.jooq.Tables.USER_ACCOUNT_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.domain.AccountStatus;
import com.clinic.identity.domain.UserAccountEvent.AccountActivated;
import com.clinic.identity.domain.UserAccountEvent.AccountDisabled;
import com.clinic.identity.domain.UserAccountEvent.AccountEnabled;
import com.clinic.identity.domain.UserAccountEvent.AccountErased;
import com.clinic.identity.domain.UserAccountEvent.PasswordChanged;
import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.identity.domain.UserAccountEvent.RoleChanged;
import com.clinic.identity.domain.UserAccountEvent.StaffAccountInvited;
import com.clinic.identity.persistence.jooq.tables.records.UserAccountViewRecord;
import com.clinic.platform.domain.Role;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class UserAccountProjectionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T07:00:00.000001Z");

    private final DSLContext db;
    private final UserAccountProjection projection;

    UserAccountProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new UserAccountProjection(db);
    }

    @Test
    void anInvitedStaffAccountIsPendingUntilActivated() {
        UUID user = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        projection.on(new StaffAccountInvited(user, Role.RECEPTIONIST, clinic, branch, UUID.randomUUID(), T0), 0);

        assertThat(row(user)).satisfies(row -> {
            assertThat(row.getRole()).isEqualTo("RECEPTIONIST");
            assertThat(row.getStatus()).isEqualTo(AccountStatus.PENDING.name());
            assertThat(row.getActivated()).isFalse();
            assertThat(row.getClinicId()).isEqualTo(clinic);
            assertThat(row.getBranchId()).isEqualTo(branch);
            assertThat(row.getCreatedAt()).isEqualTo(T0);
        });

        projection.on(new AccountActivated(user, T0.plusSeconds(60)), 1);

        assertThat(row(user)).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo(AccountStatus.ACTIVE.name());
            assertThat(row.getActivated()).isTrue();
            assertThat(row.getVersion()).isEqualTo(1);
            assertThat(row.getUpdatedAt()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void reEnablingAnAccountRestoresWhatItsActivationSays() {
        UUID neverActivated = UUID.randomUUID();
        projection.on(
                new StaffAccountInvited(
                        neverActivated, Role.DOCTOR, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), T0),
                0);
        projection.on(new AccountDisabled(neverActivated, T0), 1);
        UUID patient = UUID.randomUUID();
        projection.on(new PatientAccountRegistered(patient, "ar", T0), 0);
        projection.on(new AccountDisabled(patient, T0), 1);
        assertThat(row(patient).getStatus()).isEqualTo(AccountStatus.DISABLED.name());

        projection.on(new AccountEnabled(neverActivated, T0), 2);
        projection.on(new AccountEnabled(patient, T0), 2);

        assertThat(row(neverActivated).getStatus()).isEqualTo(AccountStatus.PENDING.name());
        assertThat(row(patient).getStatus()).isEqualTo(AccountStatus.ACTIVE.name());
    }

    @Test
    void aRoleChangeMovesTheScopeAndAnErasureMarksTheAccount() {
        UUID user = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        projection.on(new StaffAccountInvited(user, Role.DOCTOR, clinic, UUID.randomUUID(), UUID.randomUUID(), T0), 0);

        projection.on(new RoleChanged(user, Role.MANAGER, clinic, null, T0.plusSeconds(1)), 1);
        projection.on(new PasswordChanged(user, T0.plusSeconds(2)), 2);
        projection.on(new AccountErased(user, T0.plusSeconds(3)), 3);

        assertThat(row(user)).satisfies(row -> {
            assertThat(row.getRole()).isEqualTo("MANAGER");
            assertThat(row.getBranchId()).isNull();
            assertThat(row.getStatus()).isEqualTo(AccountStatus.ERASED.name());
            assertThat(row.getVersion()).isEqualTo(3);
        });
    }

    @Test
    void eventsDeliveredTwiceOrLateLeaveTheRowAsTheLatestEventMadeIt() {
        UUID user = UUID.randomUUID();
        PatientAccountRegistered registered = new PatientAccountRegistered(user, "en", T0);
        AccountDisabled disabled = new AccountDisabled(user, T0.plusSeconds(1));
        AccountEnabled enabled = new AccountEnabled(user, T0.plusSeconds(2));
        projection.on(registered, 0);
        projection.on(disabled, 1);
        projection.on(enabled, 2);
        UserAccountViewRecord once = row(user);

        projection.on(registered, 0);
        projection.on(disabled, 1);
        projection.on(enabled, 2);

        assertThat(row(user)).isEqualTo(once);
        assertThat(once.getStatus()).isEqualTo(AccountStatus.ACTIVE.name());
        assertThat(once.getVersion()).isEqualTo(2);
        assertThat(db.fetchCount(USER_ACCOUNT_VIEW)).isEqualTo(1);
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(new PatientAccountRegistered(UUID.randomUUID(), "en", T0), 0);

        projection.reset();

        assertThat(db.fetchCount(USER_ACCOUNT_VIEW)).isZero();
    }

    private UserAccountViewRecord row(UUID user) {
        return db.fetchSingle(USER_ACCOUNT_VIEW, USER_ACCOUNT_VIEW.USER_ID.eq(user));
    }
}
