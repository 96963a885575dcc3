package com.clinic.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.identity.application.port.CredentialStore.NewCredential;
import com.clinic.identity.application.port.UserAccountQueries.Filter;
import com.clinic.identity.application.port.UserAccountQueries.UserAccountView;
import com.clinic.identity.domain.AccountStatus;
import com.clinic.identity.domain.UserAccountEvent.AccountDisabled;
import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.identity.domain.UserAccountEvent.StaffAccountInvited;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.KeyMaterial;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqUserAccountQueriesTest {

    private static final Instant T0 = Instant.parse("2026-02-01T07:00:00Z");

    private final FieldCipher cipher = new FieldCipher(KeyMaterial.ring());
    private final UserAccountProjection projection;
    private final JooqCredentialStore credentials;
    private final JooqUserAccountQueries queries;

    JooqUserAccountQueriesTest(DSLContext db) {
        this.projection = new UserAccountProjection(db);
        this.credentials = new JooqCredentialStore(db, new SessionAccessCache(db, Duration.ofMinutes(5), 10));
        this.queries = new JooqUserAccountQueries(db, cipher);
    }

    @Test
    void anAccountIsShownWithItsLoginDecryptedFromTheCredential() {
        UUID user = id(1);
        projection.on(new PatientAccountRegistered(user, "ar", T0), 0);
        credentials.insert(new NewCredential(
                user,
                Optional.of(cipher.encrypt("omar@example.org")),
                Optional.of("email-bidx"),
                Optional.of(cipher.encrypt("+966500000001")),
                Optional.of("phone-bidx"),
                Optional.of("$argon2id$x"),
                Role.PATIENT,
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.empty(),
                T0));

        assertThat(queries.find(user))
                .contains(new UserAccountView(
                        user,
                        Role.PATIENT,
                        AccountStatus.ACTIVE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("omar@example.org"),
                        Optional.of("+966500000001"),
                        0,
                        T0));
        assertThat(queries.find(id(99))).isEmpty();
    }

    @Test
    void anAccountWithoutACredentialRowIsStillListedWithoutLogins() {
        projection.on(new PatientAccountRegistered(id(1), "en", T0), 0);

        assertThat(queries.find(id(1))).hasValueSatisfying(view -> {
            assertThat(view.email()).isEmpty();
            assertThat(view.phone()).isEmpty();
        });
    }

    @Test
    void pagesFollowTheUserIdsOrderAndEndWithoutACursor() {
        for (int i = 5; i >= 1; i--) {
            projection.on(new PatientAccountRegistered(id(i), "en", T0), 0);
        }

        Page<UserAccountView> first = queries.list(Filter.none(), PageRequest.first(2));
        Page<UserAccountView> second = queries.list(Filter.none(), new PageRequest(2, first.nextCursor()));
        Page<UserAccountView> last = queries.list(Filter.none(), new PageRequest(2, second.nextCursor()));

        assertThat(ids(first)).containsExactly(id(1), id(2));
        assertThat(ids(second)).containsExactly(id(3), id(4));
        assertThat(ids(last)).containsExactly(id(5));
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void aPageThatExactlyFillsTheLimitHasNoNextCursor() {
        projection.on(new PatientAccountRegistered(id(1), "en", T0), 0);
        projection.on(new PatientAccountRegistered(id(2), "en", T0), 0);

        Page<UserAccountView> page = queries.list(Filter.none(), PageRequest.first(2));

        assertThat(ids(page)).containsExactly(id(1), id(2));
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void roleAndStatusFilterTheListing() {
        UUID clinic = UUID.randomUUID();
        projection.on(new PatientAccountRegistered(id(1), "en", T0), 0);
        projection.on(new StaffAccountInvited(id(2), Role.DOCTOR, clinic, UUID.randomUUID(), id(9), T0), 0);
        projection.on(new StaffAccountInvited(id(3), Role.DOCTOR, clinic, UUID.randomUUID(), id(9), T0), 0);
        projection.on(new PatientAccountRegistered(id(4), "en", T0), 0);
        projection.on(new AccountDisabled(id(4), T0), 1);

        assertThat(ids(queries.list(new Filter(Optional.of(Role.DOCTOR), Optional.empty()), PageRequest.first(10))))
                .containsExactly(id(2), id(3));
        assertThat(ids(queries.list(
                        new Filter(Optional.of(Role.PATIENT), Optional.of(AccountStatus.ACTIVE)),
                        PageRequest.first(10))))
                .containsExactly(id(1));
        assertThat(ids(queries.list(
                        new Filter(Optional.empty(), Optional.of(AccountStatus.DISABLED)), PageRequest.first(10))))
                .containsExactly(id(4));
    }

    @Test
    void aCursorThatIsNotOneOfOursIsRefused() {
        assertThatThrownBy(() -> queries.list(Filter.none(), new PageRequest(2, Optional.of("not a cursor"))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("page.cursor-invalid");
    }

    /** UUIDs PostgreSQL and the test order alike (by their bytes). */
    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static List<UUID> ids(Page<UserAccountView> page) {
        return page.items().stream().map(UserAccountView::userId).toList();
    }
}
