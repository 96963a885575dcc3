package com.clinic.scheduling.persistence.appointment;

import static com.clinic.platform.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.PATIENT_VIEW;

import com.clinic.scheduling.application.port.BookingDirectory;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads the directory's read models for the facts bookings check; scheduling never writes them. */
@Repository
class JooqBookingDirectory implements BookingDirectory {

    private final DSLContext db;

    JooqBookingDirectory(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<PatientRef> patient(UUID patientId) {
        return db.select(
                        PATIENT_VIEW.PATIENT_ID,
                        PATIENT_VIEW.CLINIC_ID,
                        PATIENT_VIEW.HOME_BRANCH_ID,
                        PATIENT_VIEW.USER_ID,
                        PATIENT_VIEW.ERASED)
                .from(PATIENT_VIEW)
                .where(PATIENT_VIEW.PATIENT_ID.eq(patientId))
                .fetchOptional(r -> new PatientRef(
                        r.value1(), r.value2(), r.value3(), Optional.ofNullable(r.value4()), r.value5()));
    }

    @Override
    public Optional<UUID> patientIdOfUser(UUID userId) {
        return db.select(PATIENT_VIEW.PATIENT_ID)
                .from(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId))
                .fetchOptional(PATIENT_VIEW.PATIENT_ID);
    }

    @Override
    public Optional<DoctorRef> doctor(UUID doctorId) {
        return db.select(
                        DOCTOR_VIEW.DOCTOR_ID,
                        DOCTOR_VIEW.USER_ID,
                        DOCTOR_VIEW.CLINIC_ID,
                        DOCTOR_VIEW.ACTIVE,
                        DSL.multiset(DSL.select(DOCTOR_BRANCH.BRANCH_ID)
                                        .from(DOCTOR_BRANCH)
                                        .where(DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID)))
                                .convertFrom(branches -> new HashSet<>(branches.map(r -> r.value1()))))
                .from(DOCTOR_VIEW)
                .where(DOCTOR_VIEW.DOCTOR_ID.eq(doctorId))
                .fetchOptional(r -> new DoctorRef(r.value1(), r.value2(), r.value3(), r.value5(), r.value4()));
    }

    @Override
    public Optional<UUID> doctorIdOfUser(UUID userId) {
        return db.select(DOCTOR_VIEW.DOCTOR_ID)
                .from(DOCTOR_VIEW)
                .where(DOCTOR_VIEW.USER_ID.eq(userId))
                .fetchOptional(DOCTOR_VIEW.DOCTOR_ID);
    }

    @Override
    public Optional<BranchRef> branch(UUID branchId) {
        return db.select(BRANCH_VIEW.BRANCH_ID, BRANCH_VIEW.CLINIC_ID, BRANCH_VIEW.TIME_ZONE)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(r -> new BranchRef(r.value1(), r.value2(), ZoneId.of(r.value3())));
    }
}
