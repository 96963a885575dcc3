package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.scheduling.persistence.jooq.Tables.WAITLIST_ENTRY_VIEW;

import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryFulfilled;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryLapsed;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferAccepted;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferDeclined;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferExpired;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferMade;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.PatientJoinedWaitlist;
import com.clinic.scheduling.domain.waitlist.WaitlistOffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Builds waitlist_entry_view. Every write is guarded by the event's sequence number, so an event
 * delivered twice (after a crash, or on a replay) changes nothing the second time.
 */
@Component
@ProcessingGroup("scheduling-waitlist-entries")
class WaitlistEntryProjection {

    private final DSLContext db;

    WaitlistEntryProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(PatientJoinedWaitlist event, @SequenceNumber long version) {
        WaitlistCriteria criteria = event.criteria();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(WAITLIST_ENTRY_VIEW.PATIENT_ID, event.patientId());
        values.put(WAITLIST_ENTRY_VIEW.CLINIC_ID, event.clinicId());
        values.put(WAITLIST_ENTRY_VIEW.BRANCH_ID, criteria.branchId());
        values.put(WAITLIST_ENTRY_VIEW.DOCTOR_ID, criteria.doctorId().orElse(null));
        values.put(WAITLIST_ENTRY_VIEW.SPECIALTY, criteria.specialty().orElse(null));
        values.put(WAITLIST_ENTRY_VIEW.APPOINTMENT_TYPE_ID, criteria.appointmentTypeId());
        values.put(WAITLIST_ENTRY_VIEW.WINDOW_FROM, criteria.from());
        values.put(WAITLIST_ENTRY_VIEW.WINDOW_TO, criteria.to());
        values.put(WAITLIST_ENTRY_VIEW.TIMES_OF_DAY, TimesOfDay.format(criteria.timesOfDay()));
        values.put(WAITLIST_ENTRY_VIEW.URGENCY, event.urgency().name());
        values.put(WAITLIST_ENTRY_VIEW.URGENCY_RANK, (short) event.urgency().rank());
        values.put(WAITLIST_ENTRY_VIEW.JOINED_AT, event.at());
        values.put(WAITLIST_ENTRY_VIEW.JOINED_BY, event.joinedBy());
        values.putAll(noOffer(WaitlistEntryStatus.WAITING));
        values.put(WAITLIST_ENTRY_VIEW.APPOINTMENT_ID, null);
        values.put(WAITLIST_ENTRY_VIEW.CLOSED_AT, null);
        values.put(WAITLIST_ENTRY_VIEW.VERSION, version);
        db.insertInto(WAITLIST_ENTRY_VIEW)
                .set(WAITLIST_ENTRY_VIEW.ENTRY_ID, event.entryId())
                .set(values)
                .onConflict(WAITLIST_ENTRY_VIEW.ENTRY_ID)
                .doUpdate()
                .set(values)
                .where(WAITLIST_ENTRY_VIEW.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(OfferMade event, @SequenceNumber long version) {
        WaitlistOffer offer = event.offer();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(WAITLIST_ENTRY_VIEW.STATUS, WaitlistEntryStatus.OFFERED.name());
        values.put(WAITLIST_ENTRY_VIEW.OFFER_APPOINTMENT_ID, offer.appointmentId());
        values.put(WAITLIST_ENTRY_VIEW.OFFER_DOCTOR_ID, offer.doctorId());
        values.put(WAITLIST_ENTRY_VIEW.OFFER_START, offer.start());
        values.put(WAITLIST_ENTRY_VIEW.OFFER_END, offer.end());
        values.put(WAITLIST_ENTRY_VIEW.OFFER_EXPIRES_AT, offer.expiresAt());
        update(event.entryId(), version, values);
    }

    @EventHandler
    void on(OfferAccepted event, @SequenceNumber long version) {
        // The EntryFulfilled right after it carries the outcome; only the version moves here.
        update(event.entryId(), version, new LinkedHashMap<>());
    }

    @EventHandler
    void on(EntryFulfilled event, @SequenceNumber long version) {
        Map<Field<?>, Object> values = noOffer(WaitlistEntryStatus.FULFILLED);
        values.put(WAITLIST_ENTRY_VIEW.APPOINTMENT_ID, event.appointmentId());
        values.put(WAITLIST_ENTRY_VIEW.CLOSED_AT, event.at());
        update(event.entryId(), version, values);
    }

    @EventHandler
    void on(OfferDeclined event, @SequenceNumber long version) {
        update(event.entryId(), version, noOffer(WaitlistEntryStatus.WAITING));
    }

    @EventHandler
    void on(OfferExpired event, @SequenceNumber long version) {
        update(event.entryId(), version, noOffer(WaitlistEntryStatus.WAITING));
    }

    @EventHandler
    void on(EntryWithdrawn event, @SequenceNumber long version) {
        closed(event.entryId(), WaitlistEntryStatus.WITHDRAWN, event.at(), version);
    }

    @EventHandler
    void on(EntryLapsed event, @SequenceNumber long version) {
        closed(event.entryId(), WaitlistEntryStatus.LAPSED, event.at(), version);
    }

    @ResetHandler
    void reset() {
        db.truncate(WAITLIST_ENTRY_VIEW).execute();
    }

    private void closed(UUID entryId, WaitlistEntryStatus status, Instant at, long version) {
        Map<Field<?>, Object> values = noOffer(status);
        values.put(WAITLIST_ENTRY_VIEW.CLOSED_AT, at);
        update(entryId, version, values);
    }

    private void update(UUID entryId, long version, Map<Field<?>, Object> values) {
        values.put(WAITLIST_ENTRY_VIEW.VERSION, version);
        db.update(WAITLIST_ENTRY_VIEW)
                .set(values)
                .where(WAITLIST_ENTRY_VIEW.ENTRY_ID.eq(entryId), WAITLIST_ENTRY_VIEW.VERSION.lt(version))
                .execute();
    }

    private static Map<Field<?>, Object> noOffer(WaitlistEntryStatus status) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(WAITLIST_ENTRY_VIEW.STATUS, status.name());
        values.put(WAITLIST_ENTRY_VIEW.OFFER_APPOINTMENT_ID, null);
        values.put(WAITLIST_ENTRY_VIEW.OFFER_DOCTOR_ID, null);
        values.put(WAITLIST_ENTRY_VIEW.OFFER_START, null);
        values.put(WAITLIST_ENTRY_VIEW.OFFER_END, null);
        values.put(WAITLIST_ENTRY_VIEW.OFFER_EXPIRES_AT, null);
        return values;
    }
}
