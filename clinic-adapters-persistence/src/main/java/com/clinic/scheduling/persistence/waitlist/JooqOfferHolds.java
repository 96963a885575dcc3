package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.scheduling.persistence.jooq.Tables.WAITLIST_OFFER_HOLD;

import com.clinic.scheduling.application.waitlist.port.OfferHolds;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The offer process's own holds, written in the process step's transaction. */
@Repository
class JooqOfferHolds implements OfferHolds {

    private final DSLContext db;

    JooqOfferHolds(DSLContext db) {
        this.db = db;
    }

    @Override
    public void remember(UUID appointmentId, UUID entryId) {
        db.insertInto(WAITLIST_OFFER_HOLD)
                .set(WAITLIST_OFFER_HOLD.APPOINTMENT_ID, appointmentId)
                .set(WAITLIST_OFFER_HOLD.ENTRY_ID, entryId)
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public boolean isOfferHold(UUID appointmentId) {
        return db.fetchExists(WAITLIST_OFFER_HOLD, WAITLIST_OFFER_HOLD.APPOINTMENT_ID.eq(appointmentId));
    }
}
