package com.clinic.platform.persistence;

import static com.clinic.platform.persistence.jooq.Tables.SHREDDED_SUBJECT;
import static com.clinic.platform.persistence.jooq.Tables.SUBJECT_KEY;

import com.clinic.platform.application.crypto.SubjectKeyStore;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Subject data keys in PostgreSQL; writes join the caller's transaction, so a key and its first use commit together. */
@Repository
class JooqSubjectKeyStore implements SubjectKeyStore {

    private final DSLContext db;

    JooqSubjectKeyStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<WrappedKey> find(UUID subjectId) {
        return db.select(SUBJECT_KEY.MASTER_KEY_ID, SUBJECT_KEY.WRAPPED_KEY)
                .from(SUBJECT_KEY)
                .where(SUBJECT_KEY.SUBJECT_ID.eq(subjectId))
                .fetchOptional(Records.mapping(WrappedKey::new));
    }

    @Override
    public WrappedKey saveIfAbsent(UUID subjectId, WrappedKey key) {
        db.insertInto(SUBJECT_KEY)
                .set(SUBJECT_KEY.SUBJECT_ID, subjectId)
                .set(SUBJECT_KEY.MASTER_KEY_ID, key.masterKeyId())
                .set(SUBJECT_KEY.WRAPPED_KEY, key.wrapped())
                .onConflictDoNothing()
                .execute();
        return find(subjectId).orElseThrow();
    }

    @Override
    public boolean delete(UUID subjectId) {
        db.insertInto(SHREDDED_SUBJECT)
                .set(SHREDDED_SUBJECT.SUBJECT_ID, subjectId)
                .onConflictDoNothing()
                .execute();
        return db.deleteFrom(SUBJECT_KEY)
                        .where(SUBJECT_KEY.SUBJECT_ID.eq(subjectId))
                        .execute()
                > 0;
    }

    @Override
    public boolean isShredded(UUID subjectId) {
        return db.fetchExists(SHREDDED_SUBJECT, SHREDDED_SUBJECT.SUBJECT_ID.eq(subjectId));
    }
}
