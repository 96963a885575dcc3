package com.clinic.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.application.crypto.SubjectKeyStore.WrappedKey;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqSubjectKeyStoreTest {

    private final JooqSubjectKeyStore store;

    JooqSubjectKeyStoreTest(DSLContext db) {
        this.store = new JooqSubjectKeyStore(db);
    }

    @Test
    void aSavedKeyIsFoundWithItsMasterKeyIdAndBytes() {
        UUID subject = UUID.randomUUID();
        WrappedKey key = new WrappedKey("k1", new byte[] {1, 2, 3, (byte) 0xFF});

        WrappedKey saved = store.saveIfAbsent(subject, key);

        assertThat(saved.masterKeyId()).isEqualTo("k1");
        assertThat(saved.wrapped()).containsExactly(1, 2, 3, 0xFF);
        assertThat(store.find(subject)).hasValueSatisfying(found -> {
            assertThat(found.masterKeyId()).isEqualTo("k1");
            assertThat(found.wrapped()).containsExactly(1, 2, 3, 0xFF);
        });
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theFirstKeySavedForASubjectWinsAndIsWhatALaterSaveReturns() {
        UUID subject = UUID.randomUUID();
        store.saveIfAbsent(subject, new WrappedKey("k1", new byte[] {1}));

        WrappedKey second = store.saveIfAbsent(subject, new WrappedKey("k2", new byte[] {2}));

        assertThat(second.masterKeyId()).isEqualTo("k1");
        assertThat(second.wrapped()).containsExactly(1);
    }

    @Test
    void deletingAKeyShredsTheSubjectForGood() {
        UUID subject = UUID.randomUUID();
        store.saveIfAbsent(subject, new WrappedKey("k1", new byte[] {1}));
        assertThat(store.isShredded(subject)).isFalse();

        assertThat(store.delete(subject)).isTrue();

        assertThat(store.find(subject)).isEmpty();
        assertThat(store.isShredded(subject)).isTrue();
        assertThat(store.delete(subject)).as("nothing left to delete").isFalse();
        assertThat(store.isShredded(subject)).isTrue();
    }

    @Test
    void aSubjectThatNeverHadAKeyIsStillRecordedAsShreddedWhenErased() {
        UUID subject = UUID.randomUUID();

        assertThat(store.delete(subject)).isFalse();

        assertThat(store.isShredded(subject)).isTrue();
        assertThat(store.isShredded(UUID.randomUUID())).isFalse();
    }
}
