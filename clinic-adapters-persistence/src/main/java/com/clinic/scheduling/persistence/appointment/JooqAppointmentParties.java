package com.clinic.scheduling.persistence.appointment;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_PARTY;

import com.clinic.scheduling.application.port.AppointmentParties;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

@Repository
class JooqAppointmentParties implements AppointmentParties {

    private final DSLContext db;

    JooqAppointmentParties(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Parties> find(UUID appointmentId) {
        return db.select(
                        APPOINTMENT_PARTY.APPOINTMENT_ID,
                        APPOINTMENT_PARTY.PATIENT_ID,
                        APPOINTMENT_PARTY.DOCTOR_ID,
                        APPOINTMENT_PARTY.BRANCH_ID,
                        APPOINTMENT_PARTY.CLINIC_ID)
                .from(APPOINTMENT_PARTY)
                .where(APPOINTMENT_PARTY.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional(Records.mapping(Parties::new));
    }
}
