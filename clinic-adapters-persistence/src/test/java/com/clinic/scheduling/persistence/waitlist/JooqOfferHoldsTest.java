package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.scheduling.persistence.jooq.Tables.WAITLIST_OFFER_HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqOfferHoldsTest {

    private final DSLContext db;
    private final JooqOfferHolds holds;

    JooqOfferHoldsTest(DSLContext db) {
        this.db = db;
        this.holds = new JooqOfferHolds(db);
    }

    @Test
    void aRememberedHoldIsKnownAsTheOffersAndOtherAppointmentsAreNot() {
        UUID appointment = UUID.randomUUID();

        holds.remember(appointment, UUID.randomUUID());

        assertThat(holds.isOfferHold(appointment)).isTrue();
        assertThat(holds.isOfferHold(UUID.randomUUID())).isFalse();
    }

    @Test
    void rememberingAHoldAgainIsHarmlessAndKeepsItsFirstEntry() {
        UUID appointment = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        holds.remember(appointment, entry);

        holds.remember(appointment, entry);
        holds.remember(appointment, UUID.randomUUID());

        assertThat(holds.isOfferHold(appointment)).isTrue();
        assertThat(db.fetchSingle(WAITLIST_OFFER_HOLD, WAITLIST_OFFER_HOLD.APPOINTMENT_ID.eq(appointment))
                        .getEntryId())
                .isEqualTo(entry);
    }
}
