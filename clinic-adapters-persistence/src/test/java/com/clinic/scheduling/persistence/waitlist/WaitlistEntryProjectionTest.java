package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.scheduling.persistence.jooq.Tables.WAITLIST_ENTRY_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryFulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferAccepted;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferMade;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import com.clinic.scheduling.persistence.jooq.tables.records.WaitlistEntryViewRecord;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class WaitlistEntryProjectionTest {

    private final DSLContext db;
    private final WaitlistEntryProjection projection;
    private final Waitlist waitlist = new Waitlist();
    private final UUID entry = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();

    WaitlistEntryProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new WaitlistEntryProjection(db);
    }

    @Test
    void aJoinedEntryWaitsWithItsCriteriaUrgencyRankAndTimesOfDay() {
        projection.on(joined(), 0);

        WaitlistEntryViewRecord row = row();
        assertThat(row.getStatus()).isEqualTo("WAITING");
        assertThat(row.getDoctorId()).isEqualTo(doctor);
        assertThat(row.getSpecialty()).isNull();
        assertThat(row.getUrgency()).isEqualTo("SOON");
        assertThat(row.getUrgencyRank()).isEqualTo((short) 1);
        assertThat(row.getTimesOfDay()).isEqualTo("08:00-12:00,18:00-00:00");
        assertThat(row.getWindowFrom()).isEqualTo(Waitlist.FROM);
        assertThat(row.getWindowTo()).isEqualTo(Waitlist.TO);
        assertThat(row.getJoinedAt()).isEqualTo(Waitlist.T0);
    }

    @Test
    void anOfferIsShownUntilDeclinedOrExpiredAndTheEntryThenWaitsAgain() {
        projection.on(joined(), 0);
        WaitlistOffer offer = waitlist.offer(doctor);

        projection.on(new OfferMade(entry, patient, offer, Waitlist.T0), 1);
        assertThat(row()).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("OFFERED");
            assertThat(row.getOfferAppointmentId()).isEqualTo(offer.appointmentId());
            assertThat(row.getOfferStart()).isEqualTo(offer.start());
            assertThat(row.getOfferExpiresAt()).isEqualTo(offer.expiresAt());
        });
        projection.on(new OfferDeclined(entry, patient, offer, patient, Waitlist.T0), 2);
        assertThat(row().getStatus()).isEqualTo("WAITING");
        assertThat(row().getOfferAppointmentId()).isNull();

        projection.on(new OfferMade(entry, patient, offer, Waitlist.T0), 3);
        projection.on(new OfferExpired(entry, patient, offer, Waitlist.T0), 4);

        assertThat(row().getStatus()).isEqualTo("WAITING");
        assertThat(row().getOfferExpiresAt()).isNull();
        assertThat(row().getVersion()).isEqualTo(4);
    }

    @Test
    void anAcceptedOfferFulfilsTheEntryWithItsAppointment() {
        projection.on(joined(), 0);
        WaitlistOffer offer = waitlist.offer(doctor);
        projection.on(new OfferMade(entry, patient, offer, Waitlist.T0), 1);

        projection.on(new OfferAccepted(entry, patient, offer, patient, Waitlist.T0), 2);
        projection.on(new EntryFulfilled(entry, patient, offer.appointmentId(), Waitlist.T0.plusSeconds(60)), 3);

        assertThat(row()).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("FULFILLED");
            assertThat(row.getAppointmentId()).isEqualTo(offer.appointmentId());
            assertThat(row.getClosedAt()).isEqualTo(Waitlist.T0.plusSeconds(60));
            assertThat(row.getOfferAppointmentId()).isNull();
        });
    }

    @Test
    void aWithdrawnOrLapsedEntryIsClosed() {
        UUID lapsing = UUID.randomUUID();
        projection.on(joined(), 0);
        projection.on(
                waitlist.joined(lapsing, patient, waitlist.forSpecialty("dermatology"), Urgency.ROUTINE, Waitlist.T0),
                0);

        projection.on(new EntryWithdrawn(entry, patient, Optional.empty(), patient, Waitlist.T0.plusSeconds(5)), 1);
        projection.on(new EntryLapsed(lapsing, patient, Optional.empty(), Waitlist.T0.plusSeconds(9)), 1);

        assertThat(row().getStatus()).isEqualTo("WITHDRAWN");
        assertThat(row().getClosedAt()).isEqualTo(Waitlist.T0.plusSeconds(5));
        WaitlistEntryViewRecord lapsed = db.fetchSingle(WAITLIST_ENTRY_VIEW, WAITLIST_ENTRY_VIEW.ENTRY_ID.eq(lapsing));
        assertThat(lapsed.getStatus()).isEqualTo("LAPSED");
        assertThat(lapsed.getSpecialty()).isEqualTo("dermatology");
        assertThat(lapsed.getTimesOfDay()).isEmpty();
    }

    @Test
    void eventsDeliveredAgainNeverReopenAClosedEntry() {
        PatientJoinedWaitlist joined = joined();
        WaitlistOffer offer = waitlist.offer(doctor);
        OfferMade made = new OfferMade(entry, patient, offer, Waitlist.T0);
        projection.on(joined, 0);
        projection.on(made, 1);
        projection.on(new EntryWithdrawn(entry, patient, Optional.of(offer), patient, Waitlist.T0), 2);
        WaitlistEntryViewRecord once = row();

        projection.on(joined, 0);
        projection.on(made, 1);

        assertThat(row()).isEqualTo(once);
        assertThat(once.getStatus()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(joined(), 0);

        projection.reset();

        assertThat(db.fetchCount(WAITLIST_ENTRY_VIEW)).isZero();
    }

    private PatientJoinedWaitlist joined() {
        return waitlist.joined(entry, patient, waitlist.forDoctor(doctor), Urgency.SOON, Waitlist.T0);
    }

    private WaitlistEntryViewRecord row() {
        return db.fetchSingle(WAITLIST_ENTRY_VIEW, WAITLIST_ENTRY_VIEW.ENTRY_ID.eq(entry));
    }
}
