package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.directory.persistence.jooq.Tables.CLINIC_VIEW;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.directory.application.port.DirectoryReadModel;
import com.clinic.directory.persistence.jooq.tables.records.BranchViewRecord;
import com.clinic.directory.persistence.jooq.tables.records.ClinicViewRecord;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Reads clinics and branches from their read models. */
@Repository
class JooqDirectoryReadModel implements DirectoryReadModel {

    private final DSLContext db;

    JooqDirectoryReadModel(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<ClinicView> clinic(UUID clinicId) {
        return db.selectFrom(CLINIC_VIEW)
                .where(CLINIC_VIEW.CLINIC_ID.eq(clinicId))
                .fetchOptional(JooqDirectoryReadModel::clinic);
    }

    @Override
    public Page<ClinicView> clinics(PageRequest page) {
        Condition after = Keyset.after(page)
                .map(p -> row(CLINIC_VIEW.NAME_EN, CLINIC_VIEW.CLINIC_ID).gt(p.name(), p.id()))
                .orElse(noCondition());
        var rows = db.selectFrom(CLINIC_VIEW)
                .where(after)
                .orderBy(CLINIC_VIEW.NAME_EN, CLINIC_VIEW.CLINIC_ID)
                .limit(page.limit() + 1)
                .fetch(JooqDirectoryReadModel::clinic);
        return Keyset.page(rows, page, c -> new Keyset.Position(c.nameEn(), c.id()));
    }

    @Override
    public Optional<BranchView> branch(UUID branchId) {
        return db.selectFrom(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(JooqDirectoryReadModel::branch);
    }

    @Override
    public Page<BranchView> branches(UUID clinicId, PageRequest page) {
        Condition after = Keyset.after(page)
                .map(p -> row(BRANCH_VIEW.NAME_EN, BRANCH_VIEW.BRANCH_ID).gt(p.name(), p.id()))
                .orElse(noCondition());
        var rows = db.selectFrom(BRANCH_VIEW)
                .where(BRANCH_VIEW.CLINIC_ID.eq(clinicId), after)
                .orderBy(BRANCH_VIEW.NAME_EN, BRANCH_VIEW.BRANCH_ID)
                .limit(page.limit() + 1)
                .fetch(JooqDirectoryReadModel::branch);
        return Keyset.page(rows, page, b -> new Keyset.Position(b.nameEn(), b.id()));
    }

    private static ClinicView clinic(ClinicViewRecord row) {
        return new ClinicView(
                row.getClinicId(),
                row.getNameAr(),
                row.getNameEn(),
                row.getAddress(),
                row.getPhone(),
                row.getTimeZone().getId(),
                row.getCurrency(),
                WorkingDays.read(row.getWorkingDays()),
                row.getVersion());
    }

    private static BranchView branch(BranchViewRecord row) {
        return new BranchView(
                row.getBranchId(),
                row.getClinicId(),
                row.getNameAr(),
                row.getNameEn(),
                row.getAddress(),
                row.getPhone(),
                row.getTimeZone().getId(),
                row.getCurrency(),
                WorkingDays.read(row.getWorkingDays()),
                row.getVersion());
    }
}
