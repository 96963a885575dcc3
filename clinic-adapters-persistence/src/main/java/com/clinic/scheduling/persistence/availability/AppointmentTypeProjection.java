package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_TYPE;

import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeCreated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeDeactivated;
import com.clinic.scheduling.domain.availability.AppointmentTypeEvent.AppointmentTypeUpdated;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import com.clinic.scheduling.persistence.jooq.tables.records.AppointmentTypeRecord;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds appointment_type; the stored version makes redelivered events harmless. */
@Component
@ProcessingGroup(AvailabilityProcessing.GROUP)
class AppointmentTypeProjection {

    private final DSLContext db;

    AppointmentTypeProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(AppointmentTypeCreated event, @SequenceNumber long version) {
        AppointmentTypeRecord row = db.newRecord(APPOINTMENT_TYPE);
        row.setAppointmentTypeId(event.appointmentTypeId());
        row.setClinicId(event.clinicId());
        row.setActive(true);
        fill(row, event.name(), event.rules(), event.virtual(), event.price());
        row.setVersion(version);
        db.insertInto(APPOINTMENT_TYPE)
                .set(row)
                .onConflict(APPOINTMENT_TYPE.APPOINTMENT_TYPE_ID)
                .doNothing()
                .execute();
    }

    @EventHandler
    void on(AppointmentTypeUpdated event, @SequenceNumber long version) {
        AppointmentTypeRecord row = db.newRecord(APPOINTMENT_TYPE);
        fill(row, event.name(), event.rules(), event.virtual(), event.price());
        row.setVersion(version);
        db.update(APPOINTMENT_TYPE)
                .set(row)
                .where(current(event.appointmentTypeId(), version))
                .execute();
    }

    @EventHandler
    void on(AppointmentTypeDeactivated event, @SequenceNumber long version) {
        db.update(APPOINTMENT_TYPE)
                .set(APPOINTMENT_TYPE.ACTIVE, false)
                .set(APPOINTMENT_TYPE.VERSION, version)
                .where(current(event.appointmentTypeId(), version))
                .execute();
    }

    @ResetHandler
    void reset() {
        db.truncate(APPOINTMENT_TYPE).execute();
    }

    /** The row, unless this event (or a later one) is already in it. */
    private static org.jooq.Condition current(UUID typeId, long version) {
        return APPOINTMENT_TYPE.APPOINTMENT_TYPE_ID.eq(typeId).and(APPOINTMENT_TYPE.VERSION.lt(version));
    }

    private static void fill(
            AppointmentTypeRecord row, BilingualName name, BookingRules rules, boolean virtual, Price price) {
        row.setNameAr(name.ar());
        row.setNameEn(name.en());
        row.setDurationSeconds(rules.duration().toSeconds());
        row.setBufferBeforeSeconds(rules.bufferBefore().toSeconds());
        row.setBufferAfterSeconds(rules.bufferAfter().toSeconds());
        row.setMinimumNoticeSeconds(rules.minimumNotice().toSeconds());
        row.setHorizonSeconds(rules.horizon().toSeconds());
        row.setCapacity(rules.capacity());
        row.setSlotIntervalSeconds(rules.slotInterval().toSeconds());
        row.setIsVirtual(virtual);
        row.setPriceAmount(price.amount());
        row.setPriceCurrency(price.currency());
    }
}
