package com.clinic.identity.persistence;

import static com.clinic.platform.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.CLINIC_VIEW;

import com.clinic.identity.application.port.StaffScopeDirectory;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Identity's view of the directory, read straight from its read-model tables (clinic_view,
 * branch_view): only the tables' shape is shared, never directory code.
 */
@Repository
class JooqStaffScopeDirectory implements StaffScopeDirectory {

    private final DSLContext db;

    JooqStaffScopeDirectory(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean clinicExists(UUID clinicId) {
        return db.fetchExists(CLINIC_VIEW, CLINIC_VIEW.CLINIC_ID.eq(clinicId));
    }

    @Override
    public Optional<UUID> clinicOfBranch(UUID branchId) {
        return db.select(BRANCH_VIEW.CLINIC_ID)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(BRANCH_VIEW.CLINIC_ID);
    }
}
