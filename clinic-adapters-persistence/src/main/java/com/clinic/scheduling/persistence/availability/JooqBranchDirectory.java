package com.clinic.scheduling.persistence.availability;

import static com.clinic.platform.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.CLINIC_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_SPECIALTY;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_VIEW;

import com.clinic.scheduling.application.port.BranchDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Scheduling's view of the directory, read straight from the directory's read-model tables
 * (branch_view, doctor_view, doctor_branch, doctor_specialty). Only those tables' shape is shared,
 * never directory code, so the two contexts stay independent modules.
 */
@Repository
class JooqBranchDirectory implements BranchDirectory {

    private final DSLContext db;

    JooqBranchDirectory(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<BranchFacts> branch(UUID branchId) {
        return db.select(BRANCH_VIEW.BRANCH_ID, BRANCH_VIEW.CLINIC_ID, BRANCH_VIEW.TIME_ZONE)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(row -> new BranchFacts(row.value1(), row.value2(), ZoneId.of(row.value3())));
    }

    @Override
    public boolean clinicExists(UUID clinicId) {
        return db.fetchExists(CLINIC_VIEW, CLINIC_VIEW.CLINIC_ID.eq(clinicId));
    }

    @Override
    public List<UUID> doctorsOf(UUID branchId, String specialty) {
        return db.select(DOCTOR_VIEW.DOCTOR_ID)
                .from(DOCTOR_VIEW)
                .join(DOCTOR_BRANCH)
                .on(DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                .join(DOCTOR_SPECIALTY)
                .on(DOCTOR_SPECIALTY.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                .where(
                        DOCTOR_BRANCH.BRANCH_ID.eq(branchId),
                        DOCTOR_SPECIALTY.SPECIALTY.eq(specialty),
                        DOCTOR_VIEW.ACTIVE.isTrue())
                .fetch(DOCTOR_VIEW.DOCTOR_ID);
    }

    @Override
    public boolean worksAt(UUID doctorId, UUID branchId) {
        return db.fetchExists(db.selectOne()
                .from(DOCTOR_VIEW)
                .join(DOCTOR_BRANCH)
                .on(DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                .where(
                        DOCTOR_VIEW.DOCTOR_ID.eq(doctorId),
                        DOCTOR_BRANCH.BRANCH_ID.eq(branchId),
                        DOCTOR_VIEW.ACTIVE.isTrue()));
    }

    @Override
    public Optional<UUID> doctorOfUser(UUID userId) {
        return db.select(DOCTOR_VIEW.DOCTOR_ID)
                .from(DOCTOR_VIEW)
                .where(DOCTOR_VIEW.USER_ID.eq(userId))
                .fetchOptional(DOCTOR_VIEW.DOCTOR_ID);
    }
}
