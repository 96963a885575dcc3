package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.NOTIFICATION_OPT_OUT;

import com.clinic.notifications.application.port.OptOuts;
import com.clinic.notifications.domain.Channel;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Opted-out addresses by channel and blind index. Providers report late and out of order, so what
 * was said last counts: a stop records its time (a later stop moves it on), and a start removes the
 * address only when it was said after the stop on record.
 */
@Repository
class JooqOptOuts implements OptOuts {

    private final DSLContext db;

    JooqOptOuts(DSLContext db) {
        this.db = db;
    }

    @Override
    public void optOut(Channel channel, String addressIndex, String source, Instant at) {
        db.insertInto(NOTIFICATION_OPT_OUT)
                .set(NOTIFICATION_OPT_OUT.CHANNEL, channel.name())
                .set(NOTIFICATION_OPT_OUT.ADDRESS_INDEX, addressIndex)
                .set(NOTIFICATION_OPT_OUT.SOURCE, source)
                .set(NOTIFICATION_OPT_OUT.AT, at)
                .onConflict(NOTIFICATION_OPT_OUT.CHANNEL, NOTIFICATION_OPT_OUT.ADDRESS_INDEX)
                .doUpdate()
                .set(NOTIFICATION_OPT_OUT.SOURCE, source)
                .set(NOTIFICATION_OPT_OUT.AT, at)
                .where(NOTIFICATION_OPT_OUT.AT.lt(at))
                .execute();
    }

    /** A start said before the stop on record (delivered late) leaves the address opted out. */
    @Override
    public void optIn(Channel channel, String addressIndex, Instant at) {
        db.deleteFrom(NOTIFICATION_OPT_OUT)
                .where(
                        NOTIFICATION_OPT_OUT.CHANNEL.eq(channel.name()),
                        NOTIFICATION_OPT_OUT.ADDRESS_INDEX.eq(addressIndex),
                        NOTIFICATION_OPT_OUT.AT.le(at))
                .execute();
    }

    @Override
    public boolean isOptedOut(Channel channel, String addressIndex) {
        return db.fetchExists(
                NOTIFICATION_OPT_OUT,
                NOTIFICATION_OPT_OUT.CHANNEL.eq(channel.name()),
                NOTIFICATION_OPT_OUT.ADDRESS_INDEX.eq(addressIndex));
    }
}
