package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.platform.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_SPECIALTY;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.PATIENT_VIEW;

import com.clinic.platform.persistence.jooq.tables.records.PatientViewRecord;
import com.clinic.scheduling.application.waitlist.port.WaitlistDirectory;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reads the directory context's read models (branch_view, doctor_view, doctor_branch,
 * doctor_specialty, patient_view) directly: a query-side dependency on their tables, never on the
 * directory's Java types, so the module boundary holds.
 */
@Repository
class JooqWaitlistDirectory implements WaitlistDirectory {

    private final DSLContext db;

    JooqWaitlistDirectory(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<BranchFacts> branch(UUID branchId) {
        return db.select(BRANCH_VIEW.CLINIC_ID, BRANCH_VIEW.TIME_ZONE)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(row -> new BranchFacts(branchId, row.value1(), ZoneId.of(row.value2())));
    }

    @Override
    public Optional<DoctorFacts> doctor(UUID doctorId) {
        return db.select(DOCTOR_VIEW.CLINIC_ID, DOCTOR_VIEW.ACTIVE)
                .from(DOCTOR_VIEW)
                .where(DOCTOR_VIEW.DOCTOR_ID.eq(doctorId))
                .fetchOptional(row -> new DoctorFacts(
                        doctorId,
                        row.value1(),
                        new HashSet<>(db.select(DOCTOR_BRANCH.BRANCH_ID)
                                .from(DOCTOR_BRANCH)
                                .where(DOCTOR_BRANCH.DOCTOR_ID.eq(doctorId))
                                .fetch(DOCTOR_BRANCH.BRANCH_ID)),
                        new HashSet<>(db.select(DOCTOR_SPECIALTY.SPECIALTY)
                                .from(DOCTOR_SPECIALTY)
                                .where(DOCTOR_SPECIALTY.DOCTOR_ID.eq(doctorId))
                                .fetch(DOCTOR_SPECIALTY.SPECIALTY)),
                        Boolean.TRUE.equals(row.value2())));
    }

    @Override
    public boolean specialtyAtBranch(String specialty, UUID branchId) {
        return db.fetchExists(db.selectOne()
                .from(DOCTOR_SPECIALTY)
                .join(DOCTOR_BRANCH)
                .on(DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_SPECIALTY.DOCTOR_ID))
                .join(DOCTOR_VIEW)
                .on(DOCTOR_VIEW.DOCTOR_ID.eq(DOCTOR_SPECIALTY.DOCTOR_ID))
                .where(
                        DOCTOR_SPECIALTY.SPECIALTY.eq(specialty),
                        DOCTOR_BRANCH.BRANCH_ID.eq(branchId),
                        DOCTOR_VIEW.ACTIVE.isTrue()));
    }

    @Override
    public Optional<PatientFacts> patient(UUID patientId) {
        return db.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.PATIENT_ID.eq(patientId))
                .fetchOptional(JooqWaitlistDirectory::facts);
    }

    @Override
    public Optional<PatientFacts> patientOfUser(UUID userId) {
        return db.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId))
                .orderBy(PATIENT_VIEW.PATIENT_ID)
                .limit(1)
                .fetchOptional(JooqWaitlistDirectory::facts);
    }

    private static PatientFacts facts(PatientViewRecord row) {
        return new PatientFacts(
                row.getPatientId(),
                row.getClinicId(),
                row.getHomeBranchId(),
                Optional.ofNullable(row.getUserId()),
                row.getPreferredLanguage(),
                Boolean.TRUE.equals(row.getErased()));
    }
}
