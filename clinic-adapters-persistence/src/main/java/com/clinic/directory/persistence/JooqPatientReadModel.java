package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.PATIENT_VIEW;
import static org.jooq.impl.DSL.row;

import com.clinic.directory.application.patient.PersonalDataCodec;
import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.PatientReadModel;
import com.clinic.directory.application.port.PatientSummary;
import com.clinic.directory.application.port.PatientView;
import com.clinic.directory.application.port.Sex;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.persistence.jooq.tables.records.PatientViewRecord;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.crypto.FieldCipher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads patients, decrypting the encrypted columns only for the record actually returned. */
@Repository
class JooqPatientReadModel implements PatientReadModel {

    private final DSLContext db;
    private final FieldCipher cipher;

    JooqPatientReadModel(DSLContext db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public Optional<PatientView> patient(UUID patientId) {
        return db.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.PATIENT_ID.eq(patientId))
                .fetchOptional(this::view);
    }

    /**
     * A login can keep an erased record next to a living one (the erased row keeps its user id), so the
     * living record comes first, as in {@link JooqDirectoryFacts#patientOfUser}.
     */
    @Override
    public Optional<PatientView> patientOfUser(UUID userId) {
        return db.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.USER_ID.eq(userId))
                .orderBy(PATIENT_VIEW.ERASED, PATIENT_VIEW.PATIENT_ID)
                .limit(1)
                .fetchOptional(this::view);
    }

    @Override
    public Page<PatientSummary> search(Search search, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(PATIENT_VIEW.ERASED.isFalse());
        search.name().ifPresent(name -> {
            String pattern = Keyset.containing(name);
            conditions.add(PATIENT_VIEW
                    .NAME_EN
                    .likeIgnoreCase(pattern, '\\')
                    .or(PATIENT_VIEW.NAME_AR.likeIgnoreCase(pattern, '\\')));
        });
        search.phoneBlindIndex().ifPresent(index -> conditions.add(PATIENT_VIEW.PHONE_BIDX.eq(index)));
        search.clinicId().ifPresent(clinicId -> conditions.add(PATIENT_VIEW.CLINIC_ID.eq(clinicId)));
        search.branchId().ifPresent(branchId -> conditions.add(PATIENT_VIEW.HOME_BRANCH_ID.eq(branchId)));
        Keyset.after(page)
                .ifPresent(after -> conditions.add(
                        row(PATIENT_VIEW.NAME_EN, PATIENT_VIEW.PATIENT_ID).gt(after.name(), after.id())));
        List<PatientSummary> rows = db.select(
                        PATIENT_VIEW.PATIENT_ID,
                        PATIENT_VIEW.CLINIC_ID,
                        PATIENT_VIEW.HOME_BRANCH_ID,
                        PATIENT_VIEW.NAME_AR,
                        PATIENT_VIEW.NAME_EN)
                .from(PATIENT_VIEW)
                .where(DSL.and(conditions))
                .orderBy(PATIENT_VIEW.NAME_EN, PATIENT_VIEW.PATIENT_ID)
                .limit(page.limit() + 1)
                .fetch(Records.mapping(PatientSummary::new));
        return Keyset.page(rows, page, p -> new Keyset.Position(p.nameEn(), p.id()));
    }

    private PatientView view(PatientViewRecord row) {
        Optional<PatientPersonalData> personal = Boolean.TRUE.equals(row.getErased())
                ? Optional.empty()
                : Optional.of(new PatientPersonalData(
                        row.getNameAr(),
                        row.getNameEn(),
                        LocalDate.parse(cipher.decrypt(row.getDateOfBirthEnc())),
                        Sex.valueOf(cipher.decrypt(row.getSexEnc())),
                        decrypt(row.getNationalIdEnc()),
                        decrypt(row.getPassportNumberEnc()),
                        cipher.decrypt(row.getPhoneEnc()),
                        decrypt(row.getEmailEnc()),
                        decrypt(row.getEmergencyContactEnc())
                                .map(json ->
                                        PersonalDataCodec.fromJson(json, PatientPersonalData.EmergencyContact.class))));
        return new PatientView(
                row.getPatientId(),
                row.getClinicId(),
                row.getHomeBranchId(),
                Optional.ofNullable(row.getUserId()),
                personal,
                row.getPreferredLanguage(),
                new Consents(
                        row.getConsentTreatment(),
                        row.getConsentDataProcessing(),
                        row.getConsentMarketing(),
                        row.getConsentReminders()),
                Boolean.TRUE.equals(row.getErased()),
                row.getVersion());
    }

    private Optional<String> decrypt(String stored) {
        return Optional.ofNullable(stored).map(cipher::decrypt);
    }
}
