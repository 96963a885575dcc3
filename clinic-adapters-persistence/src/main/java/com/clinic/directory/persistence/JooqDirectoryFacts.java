package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.BRANCH_VIEW;
import static com.clinic.directory.persistence.jooq.Tables.CLINIC_VIEW;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_BRANCH;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_FEE;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_SPECIALTY;
import static com.clinic.directory.persistence.jooq.Tables.DOCTOR_VIEW;
import static com.clinic.directory.persistence.jooq.Tables.PATIENT_VIEW;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.persistence.jooq.tables.records.PatientViewRecord;
import com.clinic.identity.StaffScopeDirectory;
import com.clinic.platform.application.crypto.FieldCipher;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The directory's answers to other contexts, from its own read models. Every method is one
 * statement; the batch lookups take their ids as one array parameter, so a page of 2000 rows is
 * still one round trip with one bind value.
 */
@Repository
class JooqDirectoryFacts implements DirectoryFacts, StaffScopeDirectory {

    private final DSLContext db;
    private final FieldCipher cipher;

    JooqDirectoryFacts(DSLContext db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public Optional<PatientContact> contact(UUID patientId) {
        return db.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.PATIENT_ID.eq(patientId))
                .fetchOptional(row -> new PatientContact(
                        row.getPatientId(),
                        Optional.ofNullable(row.getEmailEnc()).map(cipher::decrypt),
                        Optional.ofNullable(row.getPhoneEnc()).map(cipher::decrypt),
                        row.getConsentReminders(),
                        row.getConsentMarketing(),
                        row.getPreferredLanguage()));
    }

    @Override
    public boolean clinicExists(UUID clinicId) {
        return db.fetchExists(CLINIC_VIEW, CLINIC_VIEW.CLINIC_ID.eq(clinicId));
    }

    @Override
    public Optional<ClinicFacts> clinic(UUID clinicId) {
        return db.select(CLINIC_VIEW.NAME_AR, CLINIC_VIEW.NAME_EN, CLINIC_VIEW.TIME_ZONE)
                .from(CLINIC_VIEW)
                .where(CLINIC_VIEW.CLINIC_ID.eq(clinicId))
                .fetchOptional(Records.mapping(
                        (nameAr, nameEn, zone) -> new ClinicFacts(clinicId, new Names(nameAr, nameEn), zone)));
    }

    @Override
    public Optional<UUID> clinicOfBranch(UUID branchId) {
        return db.select(BRANCH_VIEW.CLINIC_ID)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(BRANCH_VIEW.CLINIC_ID);
    }

    @Override
    public Optional<BranchFacts> branch(UUID branchId) {
        return db.select(BRANCH_VIEW.CLINIC_ID, BRANCH_VIEW.TIME_ZONE)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(Records.mapping((clinicId, zone) -> new BranchFacts(branchId, clinicId, zone)));
    }

    @Override
    public Optional<String> branchCurrency(UUID branchId) {
        return db.select(BRANCH_VIEW.CURRENCY)
                .from(BRANCH_VIEW)
                .where(BRANCH_VIEW.BRANCH_ID.eq(branchId))
                .fetchOptional(BRANCH_VIEW.CURRENCY);
    }

    @Override
    public Optional<DoctorFee> doctorFee(UUID doctorId, UUID branchId) {
        return db.select(DOCTOR_FEE.AMOUNT, DOCTOR_FEE.CURRENCY)
                .from(DOCTOR_FEE)
                .where(DOCTOR_FEE.DOCTOR_ID.eq(doctorId), DOCTOR_FEE.BRANCH_ID.eq(branchId))
                .fetchOptional(Records.mapping(DoctorFee::new));
    }

    @Override
    public Optional<DoctorFacts> doctor(UUID doctorId) {
        return doctorWhere(DOCTOR_VIEW.DOCTOR_ID.eq(doctorId));
    }

    @Override
    public Optional<DoctorFacts> doctorOfUser(UUID userId) {
        return doctorWhere(DOCTOR_VIEW.USER_ID.eq(userId));
    }

    @Override
    public Optional<UUID> doctorIdOfUser(UUID userId) {
        return db.select(DOCTOR_VIEW.DOCTOR_ID)
                .from(DOCTOR_VIEW)
                .where(DOCTOR_VIEW.USER_ID.eq(userId))
                .orderBy(DOCTOR_VIEW.ACTIVE.desc(), DOCTOR_VIEW.DOCTOR_ID)
                .limit(1)
                .fetchOptional(DOCTOR_VIEW.DOCTOR_ID);
    }

    private Optional<DoctorFacts> doctorWhere(Condition which) {
        Field<Set<UUID>> branches = multiset(select(DOCTOR_BRANCH.BRANCH_ID)
                        .from(DOCTOR_BRANCH)
                        .where(DOCTOR_BRANCH.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID)))
                .convertFrom(rows -> rows.collect(Records.intoSet()));
        Field<Set<String>> specialties = multiset(select(DOCTOR_SPECIALTY.SPECIALTY)
                        .from(DOCTOR_SPECIALTY)
                        .where(DOCTOR_SPECIALTY.DOCTOR_ID.eq(DOCTOR_VIEW.DOCTOR_ID)))
                .convertFrom(rows -> rows.collect(Records.intoSet()));
        return db.select(
                        DOCTOR_VIEW.DOCTOR_ID,
                        DOCTOR_VIEW.USER_ID,
                        DOCTOR_VIEW.CLINIC_ID,
                        branches,
                        specialties,
                        DOCTOR_VIEW.ACTIVE)
                .from(DOCTOR_VIEW)
                .where(which)
                .orderBy(DOCTOR_VIEW.ACTIVE.desc(), DOCTOR_VIEW.DOCTOR_ID)
                .limit(1)
                .fetchOptional(Records.mapping(
                        (doctorId, userId, clinicId, branchIds, specialtyNames, active) -> new DoctorFacts(
                                doctorId, userId, clinicId, branchIds, specialtyNames, Boolean.TRUE.equals(active))));
    }

    @Override
    public boolean worksAt(UUID doctorId, UUID branchId) {
        return db.fetchExists(selectOne()
                .from(DOCTOR_BRANCH)
                .join(DOCTOR_VIEW)
                .on(DOCTOR_VIEW.DOCTOR_ID.eq(DOCTOR_BRANCH.DOCTOR_ID))
                .where(
                        DOCTOR_BRANCH.DOCTOR_ID.eq(doctorId),
                        DOCTOR_BRANCH.BRANCH_ID.eq(branchId),
                        DOCTOR_VIEW.ACTIVE.isTrue()));
    }

    @Override
    public boolean specialtyAtBranch(String specialty, UUID branchId) {
        return db.fetchExists(selectOne()
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
                .fetchOptional(JooqDirectoryFacts::patient);
    }

    @Override
    public Optional<PatientFacts> patientOfUser(UUID userId) {
        return db.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId))
                .orderBy(PATIENT_VIEW.ERASED, PATIENT_VIEW.PATIENT_ID)
                .limit(1)
                .fetchOptional(JooqDirectoryFacts::patient);
    }

    @Override
    public Optional<UUID> patientIdOfUser(UUID userId) {
        return db.select(PATIENT_VIEW.PATIENT_ID)
                .from(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId))
                .orderBy(PATIENT_VIEW.ERASED, PATIENT_VIEW.PATIENT_ID)
                .limit(1)
                .fetchOptional(PATIENT_VIEW.PATIENT_ID);
    }

    @Override
    public List<Placement> placements(
            UUID clinicId, Optional<UUID> doctorId, Optional<UUID> branchId, Optional<String> specialty) {
        Condition where = BRANCH_VIEW.CLINIC_ID.eq(clinicId).and(DOCTOR_VIEW.ACTIVE.isTrue());
        if (doctorId.isPresent()) {
            where = where.and(DOCTOR_BRANCH.DOCTOR_ID.eq(doctorId.get()));
        }
        if (branchId.isPresent()) {
            where = where.and(DOCTOR_BRANCH.BRANCH_ID.eq(branchId.get()));
        }
        if (specialty.isPresent()) {
            where = where.and(exists(selectOne()
                    .from(DOCTOR_SPECIALTY)
                    .where(
                            DOCTOR_SPECIALTY.DOCTOR_ID.eq(DOCTOR_BRANCH.DOCTOR_ID),
                            DOCTOR_SPECIALTY.SPECIALTY.eq(specialty.get()))));
        }
        return db.select(DOCTOR_BRANCH.DOCTOR_ID, DOCTOR_BRANCH.BRANCH_ID, BRANCH_VIEW.TIME_ZONE)
                .from(DOCTOR_BRANCH)
                .join(DOCTOR_VIEW)
                .on(DOCTOR_VIEW.DOCTOR_ID.eq(DOCTOR_BRANCH.DOCTOR_ID))
                .join(BRANCH_VIEW)
                .on(BRANCH_VIEW.BRANCH_ID.eq(DOCTOR_BRANCH.BRANCH_ID))
                .where(where)
                .fetch(Records.mapping(Placement::new));
    }

    @Override
    public NameBook names(Collection<UUID> patientIds, Collection<UUID> doctorIds) {
        Map<UUID, Names> patients = new HashMap<>();
        Map<UUID, Names> doctors = new HashMap<>();
        if (patientIds.isEmpty() && doctorIds.isEmpty()) {
            return new NameBook(patients, doctors);
        }
        Field<Boolean> isPatient = DSL.field(DSL.name("is_patient"), Boolean.class);
        db.select(DSL.inline(true).as(isPatient), PATIENT_VIEW.PATIENT_ID, PATIENT_VIEW.NAME_AR, PATIENT_VIEW.NAME_EN)
                .from(PATIENT_VIEW)
                .where(PATIENT_VIEW.PATIENT_ID.eq(DSL.any(ids(patientIds))))
                .unionAll(select(DSL.inline(false), DOCTOR_VIEW.DOCTOR_ID, DOCTOR_VIEW.NAME_AR, DOCTOR_VIEW.NAME_EN)
                        .from(DOCTOR_VIEW)
                        .where(DOCTOR_VIEW.DOCTOR_ID.eq(DSL.any(ids(doctorIds)))))
                .fetch(Records.mapping(NameRow::new))
                .forEach(row ->
                        (row.patient() ? patients : doctors).put(row.id(), new Names(row.nameAr(), row.nameEn())));
        return new NameBook(patients, doctors);
    }

    /** One row of the names union: whose name it is, the patient's or the doctor's id, the name. */
    private record NameRow(boolean patient, UUID id, String nameAr, String nameEn) {}

    private static UUID[] ids(Collection<UUID> ids) {
        return new HashSet<>(ids).toArray(UUID[]::new);
    }

    private static PatientFacts patient(PatientViewRecord row) {
        return new PatientFacts(
                row.getPatientId(),
                row.getClinicId(),
                row.getHomeBranchId(),
                Optional.ofNullable(row.getUserId()),
                row.getPreferredLanguage(),
                Boolean.TRUE.equals(row.getErased()));
    }
}
