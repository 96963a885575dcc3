package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.PATIENT_VIEW;

import com.clinic.directory.application.patient.PersonalDataCodec;
import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.directory.domain.patient.PatientEvent.PatientUpdated;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.domain.Ciphertext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Builds patient_view. The sealed profile in each event is opened with the patient's own key and
 * re-encrypted per column with the configured key (names stay plain for search, the phone gets a
 * blind index). When the key is gone (the patient was erased) the row keeps only what is not
 * personal and is marked erased; this is also what a replay produces, so a replay never fails on
 * an erased patient and never brings their data back.
 */
@Component
@ProcessingGroup("directory-patients")
class PatientProjection {

    private final DSLContext db;
    private final PersonalDataCodec codec;
    private final FieldCipher cipher;

    PatientProjection(DSLContext db, PersonalDataCodec codec, FieldCipher cipher) {
        this.db = db;
        this.codec = codec;
        this.cipher = cipher;
    }

    @EventHandler
    void on(PatientRegistered event, @SequenceNumber long version) {
        Map<Field<?>, Object> values = personal(event.patientId(), event.profile());
        values.put(PATIENT_VIEW.CLINIC_ID, event.clinicId());
        values.put(PATIENT_VIEW.HOME_BRANCH_ID, event.homeBranchId());
        values.put(PATIENT_VIEW.USER_ID, event.userId().orElse(null));
        putPreferences(values, event.preferredLanguage(), event.consents());
        values.put(PATIENT_VIEW.VERSION, version);
        upsert(event.patientId(), values, version);
    }

    @EventHandler
    void on(PatientUpdated event, @SequenceNumber long version) {
        Map<Field<?>, Object> values = personal(event.patientId(), event.profile());
        putPreferences(values, event.preferredLanguage(), event.consents());
        values.put(PATIENT_VIEW.VERSION, version);
        db.update(PATIENT_VIEW)
                .set(values)
                .where(PATIENT_VIEW.PATIENT_ID.eq(event.patientId()), PATIENT_VIEW.VERSION.lt(version))
                .execute();
    }

    @EventHandler
    void on(PatientErased event, @SequenceNumber long version) {
        Map<Field<?>, Object> values = erasedValues();
        values.put(PATIENT_VIEW.VERSION, version);
        db.update(PATIENT_VIEW)
                .set(values)
                .where(PATIENT_VIEW.PATIENT_ID.eq(event.patientId()), PATIENT_VIEW.VERSION.lt(version))
                .execute();
    }

    @ResetHandler
    void reset() {
        db.truncate(PATIENT_VIEW).execute();
    }

    private void upsert(UUID patientId, Map<Field<?>, Object> values, long version) {
        db.insertInto(PATIENT_VIEW)
                .set(PATIENT_VIEW.PATIENT_ID, patientId)
                .set(values)
                .onConflict(PATIENT_VIEW.PATIENT_ID)
                .doUpdate()
                .set(values)
                .where(PATIENT_VIEW.VERSION.lt(version))
                .execute();
    }

    private Map<Field<?>, Object> personal(UUID patientId, Ciphertext sealed) {
        Optional<PatientPersonalData> opened = codec.open(patientId, sealed);
        if (opened.isEmpty()) {
            return erasedValues();
        }
        PatientPersonalData data = opened.get();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(PATIENT_VIEW.NAME_AR, data.nameAr());
        values.put(PATIENT_VIEW.NAME_EN, data.nameEn());
        values.put(
                PATIENT_VIEW.DATE_OF_BIRTH_ENC,
                cipher.encrypt(data.dateOfBirth().toString()));
        values.put(PATIENT_VIEW.SEX_ENC, cipher.encrypt(data.sex().name()));
        values.put(
                PATIENT_VIEW.NATIONAL_ID_ENC,
                data.nationalId().map(cipher::encrypt).orElse(null));
        values.put(
                PATIENT_VIEW.PASSPORT_NUMBER_ENC,
                data.passportNumber().map(cipher::encrypt).orElse(null));
        values.put(PATIENT_VIEW.PHONE_ENC, cipher.encrypt(data.phone()));
        values.put(PATIENT_VIEW.PHONE_BIDX, cipher.blindIndex(data.phone()));
        values.put(PATIENT_VIEW.EMAIL_ENC, data.email().map(cipher::encrypt).orElse(null));
        values.put(
                PATIENT_VIEW.EMERGENCY_CONTACT_ENC,
                data.emergencyContact()
                        .map(contact -> cipher.encrypt(PersonalDataCodec.toJson(contact)))
                        .orElse(null));
        values.put(PATIENT_VIEW.ERASED, false);
        return values;
    }

    private static Map<Field<?>, Object> erasedValues() {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(PATIENT_VIEW.NAME_AR, null);
        values.put(PATIENT_VIEW.NAME_EN, null);
        values.put(PATIENT_VIEW.DATE_OF_BIRTH_ENC, null);
        values.put(PATIENT_VIEW.SEX_ENC, null);
        values.put(PATIENT_VIEW.NATIONAL_ID_ENC, null);
        values.put(PATIENT_VIEW.PASSPORT_NUMBER_ENC, null);
        values.put(PATIENT_VIEW.PHONE_ENC, null);
        values.put(PATIENT_VIEW.PHONE_BIDX, null);
        values.put(PATIENT_VIEW.EMAIL_ENC, null);
        values.put(PATIENT_VIEW.EMERGENCY_CONTACT_ENC, null);
        values.put(PATIENT_VIEW.ERASED, true);
        return values;
    }

    private static void putPreferences(Map<Field<?>, Object> values, String language, Consents consents) {
        values.put(PATIENT_VIEW.PREFERRED_LANGUAGE, language);
        values.put(PATIENT_VIEW.CONSENT_TREATMENT, consents.treatment());
        values.put(PATIENT_VIEW.CONSENT_DATA_PROCESSING, consents.dataProcessing());
        values.put(PATIENT_VIEW.CONSENT_MARKETING, consents.marketing());
        values.put(PATIENT_VIEW.CONSENT_REMINDERS, consents.reminders());
    }
}
