package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_TYPE;

import com.clinic.scheduling.application.availability.AppointmentTypeReadModel;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.persistence.jooq.tables.records.AppointmentTypeRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads appointment types; also the {@code AppointmentTypes} port that bookings and slot search use. */
@Repository
class JooqAppointmentTypes implements AppointmentTypeReadModel {

    private final DSLContext db;

    JooqAppointmentTypes(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<AppointmentTypeView> find(UUID appointmentTypeId) {
        return db.selectFrom(APPOINTMENT_TYPE)
                .where(APPOINTMENT_TYPE.APPOINTMENT_TYPE_ID.eq(appointmentTypeId))
                .fetchOptional(JooqAppointmentTypes::view);
    }

    @Override
    public List<AppointmentTypeView> ofClinic(UUID clinicId, boolean includeInactive) {
        return db.selectFrom(APPOINTMENT_TYPE)
                .where(APPOINTMENT_TYPE.CLINIC_ID.eq(clinicId))
                .and(includeInactive ? DSL.noCondition() : APPOINTMENT_TYPE.ACTIVE.isTrue())
                .orderBy(APPOINTMENT_TYPE.NAME_EN, APPOINTMENT_TYPE.APPOINTMENT_TYPE_ID)
                .fetch(JooqAppointmentTypes::view);
    }

    private static AppointmentTypeView view(AppointmentTypeRecord row) {
        return new AppointmentTypeView(
                row.getAppointmentTypeId(),
                row.getClinicId(),
                row.getNameAr(),
                row.getNameEn(),
                new BookingRules(
                        Duration.ofSeconds(row.getDurationSeconds()),
                        Duration.ofSeconds(row.getBufferBeforeSeconds()),
                        Duration.ofSeconds(row.getBufferAfterSeconds()),
                        Duration.ofSeconds(row.getMinimumNoticeSeconds()),
                        Duration.ofSeconds(row.getHorizonSeconds()),
                        row.getCapacity(),
                        Duration.ofSeconds(row.getSlotIntervalSeconds())),
                row.getIsVirtual(),
                row.getPriceAmount(),
                row.getPriceCurrency(),
                row.getActive(),
                row.getVersion());
    }
}
