package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.NUMBER_SEQUENCE;

import com.clinic.payments.application.port.NumberSequences;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * One row per clinic and series, moved forward by an upsert that locks it until the transaction
 * ends: two desks issuing at once take turns for the moment of their commits, and a rolled-back
 * command leaves the number to the next one (ADR 0027).
 */
@Component
class JooqNumberSequences implements NumberSequences {

    private final DSLContext db;

    JooqNumberSequences(DSLContext db) {
        this.db = db;
    }

    @Override
    public long next(UUID clinicId, Series series) {
        return db.insertInto(NUMBER_SEQUENCE)
                .set(NUMBER_SEQUENCE.CLINIC_ID, clinicId)
                .set(NUMBER_SEQUENCE.SERIES, series.name())
                .set(NUMBER_SEQUENCE.LAST_NUMBER, 1L)
                .onConflict(NUMBER_SEQUENCE.CLINIC_ID, NUMBER_SEQUENCE.SERIES)
                .doUpdate()
                .set(NUMBER_SEQUENCE.LAST_NUMBER, NUMBER_SEQUENCE.LAST_NUMBER.plus(1))
                .returning(NUMBER_SEQUENCE.LAST_NUMBER)
                .fetchSingle(NUMBER_SEQUENCE.LAST_NUMBER);
    }
}
