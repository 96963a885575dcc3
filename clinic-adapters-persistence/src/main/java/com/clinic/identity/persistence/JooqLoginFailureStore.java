package com.clinic.identity.persistence;

import static com.clinic.platform.persistence.jooq.Tables.LOGIN_FAILURE;

import com.clinic.identity.application.port.LoginFailureStore;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Sign-in failures in PostgreSQL, so that limits hold across every application instance. */
@Repository
class JooqLoginFailureStore implements LoginFailureStore {

    private final DSLContext db;

    JooqLoginFailureStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public Window failuresSince(String key, Instant since) {
        return db.select(DSL.count(), DSL.min(LOGIN_FAILURE.FAILED_AT))
                .from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.THROTTLE_KEY.eq(key), LOGIN_FAILURE.FAILED_AT.gt(Times.utc(since)))
                .fetchOne(row -> new Window(row.value1(), Optional.ofNullable(Times.instant(row.value2()))));
    }

    @Override
    public void record(String key, Instant at) {
        db.insertInto(LOGIN_FAILURE)
                .set(LOGIN_FAILURE.THROTTLE_KEY, key)
                .set(LOGIN_FAILURE.FAILED_AT, Times.utc(at))
                .execute();
    }

    @Override
    public void clear(String key) {
        db.deleteFrom(LOGIN_FAILURE).where(LOGIN_FAILURE.THROTTLE_KEY.eq(key)).execute();
    }

    @Override
    public void forgetBefore(Instant before) {
        db.deleteFrom(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.FAILED_AT.lt(Times.utc(before)))
                .execute();
    }
}
