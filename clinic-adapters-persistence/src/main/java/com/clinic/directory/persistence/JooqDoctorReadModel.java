package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_FEE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_LANGUAGE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_SPECIALTY;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_VIEW;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import com.clinic.directory.application.port.DoctorReadModel;
import com.clinic.directory.application.port.DoctorView;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.SelectSeekStep2;
import org.springframework.stereotype.Repository;

/** Reads and searches doctors; nested lists come back in one query through MULTISET. */
@Repository
class JooqDoctorReadModel implements DoctorReadModel {

    private static final Field<List<UUID>> BRANCHES = multiset(select(DOCTOR_BRANCH.BRANCH_ID)
                    .from(DOCTOR_BRANCH)
                    .where(DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                    .orderBy(DOCTOR_BRANCH.BRANCH_ID))
            .convertFrom(rows -> rows.collect(Records.intoList()));
    private static final Field<List<String>> SPECIALTIES = multiset(select(DOCTOR_SPECIALTY.SPECIALTY)
                    .from(DOCTOR_SPECIALTY)
                    .where(DOCTOR_SPECIALTY.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                    .orderBy(DOCTOR_SPECIALTY.SPECIALTY))
            .convertFrom(rows -> rows.collect(Records.intoList()));
    private static final Field<List<String>> LANGUAGES = multiset(select(DOCTOR_LANGUAGE.LANGUAGE)
                    .from(DOCTOR_LANGUAGE)
                    .where(DOCTOR_LANGUAGE.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                    .orderBy(DOCTOR_LANGUAGE.LANGUAGE))
            .convertFrom(rows -> rows.collect(Records.intoList()));
    private static final Field<List<DoctorView.FeeView>> FEES = multiset(
                    select(DOCTOR_FEE.BRANCH_ID, DOCTOR_FEE.AMOUNT, DOCTOR_FEE.CURRENCY)
                            .from(DOCTOR_FEE)
                            .where(DOCTOR_FEE.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID))
                            .orderBy(DOCTOR_FEE.BRANCH_ID))
            .convertFrom(rows -> rows.map(Records.mapping(DoctorView.FeeView::new)));

    private final DSLContext db;

    JooqDoctorReadModel(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<DoctorView> doctor(UUID doctorId) {
        return query(DOCTOR_VIEW.DOCTOR_ID.eq(doctorId)).fetchOptional(JooqDoctorReadModel::view);
    }

    @Override
    public Optional<DoctorView> doctorOfUser(UUID userId) {
        return query(DOCTOR_VIEW.USER_ID.eq(userId)).limit(1).fetchOptional(JooqDoctorReadModel::view);
    }

    @Override
    public Page<DoctorView> search(Search search, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        search.specialty()
                .ifPresent(specialty -> conditions.add(exists(selectOne()
                        .from(DOCTOR_SPECIALTY)
                        .where(
                                DOCTOR_SPECIALTY.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID),
                                DOCTOR_SPECIALTY.SPECIALTY.eq(specialty)))));
        search.branchId()
                .ifPresent(branchId -> conditions.add(exists(selectOne()
                        .from(DOCTOR_BRANCH)
                        .where(
                                DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID),
                                DOCTOR_BRANCH.BRANCH_ID.eq(branchId)))));
        search.language()
                .ifPresent(language -> conditions.add(exists(selectOne()
                        .from(DOCTOR_LANGUAGE)
                        .where(
                                DOCTOR_LANGUAGE.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID),
                                DOCTOR_LANGUAGE.LANGUAGE.eq(language)))));
        search.name().ifPresent(name -> {
            String pattern = Keyset.containing(name);
            conditions.add(DOCTOR_VIEW
                    .NAME_EN
                    .likeIgnoreCase(pattern, '\\')
                    .or(DOCTOR_VIEW.NAME_AR.likeIgnoreCase(pattern, '\\')));
        });
        search.clinicId().ifPresent(clinicId -> conditions.add(DOCTOR_VIEW.CLINIC_ID.eq(clinicId)));
        search.active().ifPresent(active -> conditions.add(DOCTOR_VIEW.ACTIVE.eq(active)));
        Keyset.after(page)
                .ifPresent(after -> conditions.add(
                        row(DOCTOR_VIEW.NAME_EN, DOCTOR_VIEW.DOCTOR_ID).gt(after.name(), after.id())));
        List<DoctorView> rows = query(conditions.isEmpty() ? noCondition() : org.jooq.impl.DSL.and(conditions))
                .limit(page.limit() + 1)
                .fetch(JooqDoctorReadModel::view);
        return Keyset.page(rows, page, d -> new Keyset.Position(d.nameEn(), d.id()));
    }

    private SelectSeekStep2<Record, String, UUID> query(Condition condition) {
        return db.select(List.<SelectField<?>>of(
                        DOCTOR_VIEW.DOCTOR_ID,
                        DOCTOR_VIEW.USER_ID,
                        DOCTOR_VIEW.CLINIC_ID,
                        DOCTOR_VIEW.NAME_AR,
                        DOCTOR_VIEW.NAME_EN,
                        BRANCHES,
                        SPECIALTIES,
                        LANGUAGES,
                        FEES,
                        DOCTOR_VIEW.BIO_AR,
                        DOCTOR_VIEW.BIO_EN,
                        DOCTOR_VIEW.ACTIVE,
                        DOCTOR_VIEW.VERSION))
                .from(DOCTOR_VIEW)
                .where(condition)
                .orderBy(DOCTOR_VIEW.NAME_EN, DOCTOR_VIEW.DOCTOR_ID);
    }

    private static DoctorView view(Record row) {
        return new DoctorView(
                row.get(DOCTOR_VIEW.DOCTOR_ID),
                row.get(DOCTOR_VIEW.USER_ID),
                row.get(DOCTOR_VIEW.CLINIC_ID),
                row.get(DOCTOR_VIEW.NAME_AR),
                row.get(DOCTOR_VIEW.NAME_EN),
                row.get(BRANCHES),
                row.get(SPECIALTIES),
                row.get(LANGUAGES),
                row.get(FEES),
                row.get(DOCTOR_VIEW.BIO_AR),
                row.get(DOCTOR_VIEW.BIO_EN),
                row.get(DOCTOR_VIEW.ACTIVE),
                row.get(DOCTOR_VIEW.VERSION));
    }
}
