package com.clinic.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.application.port.CredentialStore.PendingActivation;
import com.clinic.platform.domain.Role;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(PostgresTestDatabase.class)
class JooqCredentialStoreTest {

    private final DSLContext db;
    private final SessionAccessCache cache;
    private final JooqCredentialStore store;

    JooqCredentialStoreTest(DSLContext db) {
        this.db = db;
        this.cache = new SessionAccessCache(db, Duration.ofMinutes(5), 100);
        this.store = new JooqCredentialStore(db, cache);
    }

    @Test
    void anInsertedCredentialIsFoundByIdAndByEitherLoginIndex() {
        UUID patient = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        UUID branch = UUID.randomUUID();

        assertThat(store.insert(Credentials.patient(patient, "email-index-1"))).isTrue();
        assertThat(store.insert(Credentials.invitedStaff(staff, "phone-index-1", Role.DOCTOR, clinic, branch)))
                .isTrue();

        assertThat(store.findById(patient)).hasValueSatisfying(found -> {
            assertThat(found.emailEncrypted()).contains("k1:email-email-index-1");
            assertThat(found.phoneEncrypted()).isEmpty();
            assertThat(found.role()).isEqualTo(Role.PATIENT);
            assertThat(found.canSignIn()).isTrue();
        });
        assertThat(store.findByLoginIndex("email-index-1")).map(c -> c.userId()).contains(patient);
        assertThat(store.findByLoginIndex("phone-index-1")).hasValueSatisfying(found -> {
            assertThat(found.userId()).isEqualTo(staff);
            assertThat(found.clinicId()).contains(clinic);
            assertThat(found.branchId()).contains(branch);
            assertThat(found.activated()).isFalse();
            assertThat(found.canSignIn()).isFalse();
        });
        assertThat(store.findByLoginIndex("nobody")).isEmpty();
    }

    @Test
    void aTakenLoginIsReportedAsNotInsertedAndLeavesTheCallersTransactionUsable(TransactionTemplate transactions) {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store.insert(Credentials.patient(first, "shared-index"));

        boolean[] inserted = new boolean[1];
        transactions.executeWithoutResult(status -> {
            inserted[0] = store.insert(Credentials.patient(second, "shared-index"));
            // The transaction is not aborted: a later statement in it still runs and commits.
            store.insert(Credentials.patient(UUID.randomUUID(), "other-index"));
        });

        assertThat(inserted[0]).isFalse();
        assertThat(store.findById(second)).isEmpty();
        assertThat(store.findByLoginIndex("shared-index")).map(c -> c.userId()).contains(first);
        assertThat(store.findByLoginIndex("other-index")).isPresent();
    }

    @Test
    void anActivationTokenLeadsToItsAccountUntilTheActivationCompletes() {
        UUID staff = UUID.randomUUID();
        store.insert(
                Credentials.invitedStaff(staff, "phone-1", Role.RECEPTIONIST, UUID.randomUUID(), UUID.randomUUID()));

        assertThat(store.findByActivationTokenHash("activation-" + staff))
                .contains(new PendingActivation(staff, Credentials.CREATED.plusSeconds(72 * 3600)));

        store.completeActivation(staff, "$argon2id$chosen", Credentials.CREATED.plusSeconds(60));

        assertThat(store.findByActivationTokenHash("activation-" + staff)).isEmpty();
        assertThat(store.findById(staff)).flatMap(c -> c.passwordHash()).contains("$argon2id$chosen");
    }

    @Test
    void aChangedPasswordHashReplacesTheOldOne() {
        UUID patient = UUID.randomUUID();
        store.insert(Credentials.patient(patient, "email-1"));

        store.changePasswordHash(patient, "$argon2id$new", Instant.parse("2026-04-01T00:00:00Z"));

        assertThat(store.findById(patient)).flatMap(c -> c.passwordHash()).contains("$argon2id$new");
    }

    @Test
    void anErasedCredentialKeepsNoLoginNoSecretAndFreesItsLoginForSomeoneElse() {
        UUID erased = UUID.randomUUID();
        store.insert(Credentials.patient(erased, "email-1"));

        store.erase(erased, Instant.parse("2026-05-01T10:00:00Z"));

        assertThat(store.findById(erased)).hasValueSatisfying(found -> {
            assertThat(found.emailEncrypted()).isEmpty();
            assertThat(found.phoneEncrypted()).isEmpty();
            assertThat(found.passwordHash()).isEmpty();
            assertThat(found.disabled()).isTrue();
            assertThat(found.canSignIn()).isFalse();
        });
        assertThat(store.findByLoginIndex("email-1")).isEmpty();
        UUID newcomer = UUID.randomUUID();
        assertThat(store.insert(Credentials.patient(newcomer, "email-1"))).isTrue();
        assertThat(store.findByLoginIndex("email-1")).map(c -> c.userId()).contains(newcomer);
    }

    @Test
    void aMirroredAccountChangeIsStoredAndReachesTheAccessCacheAtOnce() {
        UUID staff = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        UUID otherBranch = UUID.randomUUID();
        store.insert(Credentials.invitedStaff(staff, "phone-1", Role.RECEPTIONIST, clinic, UUID.randomUUID()));
        UUID session = UUID.randomUUID();
        new JooqSessionStore(db, cache).openSession(session, staff, Credentials.CREATED);
        assertThat(cache.access(session))
                .hasValueSatisfying(access -> assertThat(access.accountActive()).isFalse());

        store.mirror(staff, Role.MANAGER, Optional.of(clinic), Optional.of(otherBranch), true, false, Instant.now());

        assertThat(store.findById(staff)).hasValueSatisfying(found -> {
            assertThat(found.role()).isEqualTo(Role.MANAGER);
            assertThat(found.branchId()).contains(otherBranch);
            assertThat(found.activated()).isTrue();
        });
        assertThat(cache.access(session)).hasValueSatisfying(access -> {
            assertThat(access.role()).isEqualTo(Role.MANAGER);
            assertThat(access.branchId()).contains(otherBranch);
            assertThat(access.accountActive()).isTrue();
        });
    }
}
