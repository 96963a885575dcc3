package com.clinic.identity.persistence;

import static com.clinic.identity.persistence.jooq.Tables.USER_ACCOUNT_VIEW;

import com.clinic.identity.domain.AccountStatus;
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
import com.clinic.platform.domain.Role;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The {@code identity-users} read model: one row per account. Every update is guarded by the event's
 * sequence number, so redelivered events change nothing and a replay rebuilds the same table.
 */
@Component
@ProcessingGroup(UserAccountProjection.NAME)
class UserAccountProjection {

    static final String NAME = "identity-users";

    private final DSLContext db;

    UserAccountProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(PatientAccountRegistered event, @SequenceNumber long version) {
        insert(event.userId(), Role.PATIENT, AccountStatus.ACTIVE, true, null, null, version, event.at());
    }

    @EventHandler
    void on(StaffAccountInvited event, @SequenceNumber long version) {
        insert(
                event.userId(),
                event.role(),
                AccountStatus.PENDING,
                false,
                event.clinicId(),
                event.branchId(),
                version,
                event.at());
    }

    @EventHandler
    void on(AccountActivated event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .set(USER_ACCOUNT_VIEW.ACTIVATED, true)
                .set(USER_ACCOUNT_VIEW.STATUS, AccountStatus.ACTIVE.name())
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(RoleChanged event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .set(USER_ACCOUNT_VIEW.ROLE, event.role().name())
                .set(USER_ACCOUNT_VIEW.CLINIC_ID, event.clinicId())
                .set(USER_ACCOUNT_VIEW.BRANCH_ID, event.branchId())
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(AccountDisabled event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .set(USER_ACCOUNT_VIEW.STATUS, AccountStatus.DISABLED.name())
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(AccountEnabled event, @SequenceNumber long version) {
        Field<String> status = DSL.when(USER_ACCOUNT_VIEW.ACTIVATED.isTrue(), AccountStatus.ACTIVE.name())
                .otherwise(AccountStatus.PENDING.name());
        update(event.userId(), version, event.at())
                .set(USER_ACCOUNT_VIEW.STATUS, status)
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(AccountErased event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .set(USER_ACCOUNT_VIEW.STATUS, AccountStatus.ERASED.name())
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(PasswordChanged event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(PasswordResetRequested event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .where(current(event.userId(), version))
                .execute();
    }

    @EventHandler
    void on(PasswordReset event, @SequenceNumber long version) {
        update(event.userId(), version, event.at())
                .where(current(event.userId(), version))
                .execute();
    }

    @ResetHandler
    void reset() {
        db.truncate(USER_ACCOUNT_VIEW).execute();
    }

    private void insert(
            UUID userId,
            Role role,
            AccountStatus status,
            boolean activated,
            UUID clinicId,
            UUID branchId,
            long version,
            Instant at) {
        db.insertInto(USER_ACCOUNT_VIEW)
                .set(USER_ACCOUNT_VIEW.USER_ID, userId)
                .set(USER_ACCOUNT_VIEW.ROLE, role.name())
                .set(USER_ACCOUNT_VIEW.STATUS, status.name())
                .set(USER_ACCOUNT_VIEW.ACTIVATED, activated)
                .set(USER_ACCOUNT_VIEW.CLINIC_ID, clinicId)
                .set(USER_ACCOUNT_VIEW.BRANCH_ID, branchId)
                .set(USER_ACCOUNT_VIEW.VERSION, version)
                .set(USER_ACCOUNT_VIEW.CREATED_AT, at)
                .set(USER_ACCOUNT_VIEW.UPDATED_AT, at)
                .onConflictDoNothing()
                .execute();
    }

    private UpdateSetMoreStep<?> update(UUID userId, long version, Instant at) {
        return db.update(USER_ACCOUNT_VIEW)
                .set(USER_ACCOUNT_VIEW.VERSION, version)
                .set(USER_ACCOUNT_VIEW.UPDATED_AT, at);
    }

    private static org.jooq.Condition current(UUID userId, long version) {
        return USER_ACCOUNT_VIEW.USER_ID.eq(userId).and(USER_ACCOUNT_VIEW.VERSION.lt(version));
    }
}
