package com.clinic.scheduling.persistence.queue;

import static com.clinic.platform.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.PATIENT_VIEW;

import com.clinic.scheduling.application.queue.port.QueueDirectory;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * The queue's view of the directory, read from the directory context's read models (branch_view,
 * doctor_view, doctor_branch, patient_view). Read only; the directory owns and rebuilds them.
 */
@Repository
class JooqQueueDirectory implements QueueDirectory {

    private static final Logger log = LoggerFactory.getLogger(JooqQueueDirectory.class);

    private final DSLContext db;

    JooqQueueDirectory(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<BranchFacts> branch(UUID branchId) {
        return db.select(BRANCH_VIEW.CLINIC_ID, BRANCH_VIEW.TIME_ZONE)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional()
                .flatMap(
                        row -> zone(branchId, row.value2()).map(zone -> new BranchFacts(branchId, row.value1(), zone)));
    }

    @Override
    public boolean practisesAt(UUID doctorId, UUID branchId) {
        return db.fetchExists(db.selectOne()
                .from(DOCTOR_BRANCH)
                .join(DOCTOR_VIEW)
                .on(DOCTOR_VIEW.DOCTOR_ID.eq(DOCTOR_BRANCH.DOCTOR_ID))
                .where(
                        DOCTOR_BRANCH.DOCTOR_ID.eq(doctorId),
                        DOCTOR_BRANCH.BRANCH_ID.eq(branchId),
                        DOCTOR_VIEW.ACTIVE.isTrue()));
    }

    @Override
    public Optional<UUID> doctorOfUser(UUID userId) {
        return db.select(DOCTOR_VIEW.DOCTOR_ID)
                .from(DOCTOR_VIEW)
                .where(DOCTOR_VIEW.USER_ID.eq(userId), DOCTOR_VIEW.ACTIVE.isTrue())
                .limit(1)
                .fetchOptional(DOCTOR_VIEW.DOCTOR_ID);
    }

    @Override
    public Optional<UUID> patientOfUser(UUID userId) {
        return db.select(PATIENT_VIEW.PATIENT_ID)
                .from(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId), PATIENT_VIEW.ERASED.isFalse())
                .limit(1)
                .fetchOptional(PATIENT_VIEW.PATIENT_ID);
    }

    @Override
    public boolean isPatientOfClinic(UUID patientId, UUID clinicId) {
        return db.fetchExists(
                PATIENT_VIEW,
                PATIENT_VIEW.PATIENT_ID.eq(patientId),
                PATIENT_VIEW.CLINIC_ID.eq(clinicId),
                PATIENT_VIEW.ERASED.isFalse());
    }

    private static Optional<ZoneId> zone(UUID branchId, String zoneId) {
        try {
            return Optional.of(ZoneId.of(zoneId));
        } catch (DateTimeException invalid) {
            log.error("Branch {} has an invalid time zone '{}'", branchId, zoneId);
            return Optional.empty();
        }
    }
}
