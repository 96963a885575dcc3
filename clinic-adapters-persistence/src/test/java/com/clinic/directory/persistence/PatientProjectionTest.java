package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.jooq.Tables.PATIENT_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.directory.domain.patient.PatientEvent.PatientRegistered;
import com.clinic.directory.domain.patient.PatientEvent.PatientUpdated;
import com.clinic.directory.persistence.jooq.tables.records.PatientViewRecord;
import com.clinic.platform.application.crypto.SubjectKeyStore;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PatientProjectionTest {

    private final DSLContext db;
    private final Patients patients;
    private final PatientProjection projection;
    private final UUID patient = UUID.randomUUID();
    private final UUID clinic = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();

    PatientProjectionTest(DSLContext db, SubjectKeyStore keys) {
        this.db = db;
        this.patients = new Patients(keys);
        this.projection = new PatientProjection(db, patients.codec, patients.cipher);
    }

    @Test
    void aRegisteredPatientKeepsNamesPlainForSearchAndEveryOtherPersonalColumnEncrypted() {
        projection.on(registered("Omar Farouk"), 0);

        PatientViewRecord row = row();
        assertThat(row.getNameEn()).isEqualTo("Omar Farouk");
        assertThat(row.getNameAr()).isEqualTo("عمر");
        assertThat(row.getPhoneEnc()).doesNotContain("+966500000001");
        assertThat(patients.cipher.decrypt(row.getPhoneEnc())).isEqualTo("+966500000001");
        assertThat(patients.cipher.decrypt(row.getDateOfBirthEnc())).isEqualTo("1990-05-17");
        assertThat(patients.cipher.decrypt(row.getNationalIdEnc())).isEqualTo("1234567890");
        assertThat(row.getPassportNumberEnc()).isNull();
        assertThat(row.getPhoneBidx()).isEqualTo(patients.cipher.blindIndex("+966500000001"));
        assertThat(row.getErased()).isFalse();
        assertThat(row.getConsentReminders()).isTrue();
        assertThat(row.getConsentMarketing()).isFalse();
    }

    @Test
    void anUpdateReplacesTheDataAndAStaleRedeliveryDoesNotRevertIt() {
        PatientRegistered registered = registered("Omar Farouk");
        projection.on(registered, 0);
        PatientUpdated updated = new PatientUpdated(
                patient,
                patients.codec.seal(patient, Patients.data("Omar F. Farouk", "+966500000002")),
                "en",
                new Consents(true, true, true, true));
        projection.on(updated, 1);

        projection.on(registered, 0);
        projection.on(updated, 1);

        PatientViewRecord row = row();
        assertThat(row.getNameEn()).isEqualTo("Omar F. Farouk");
        assertThat(row.getPreferredLanguage()).isEqualTo("en");
        assertThat(row.getPhoneBidx()).isEqualTo(patients.cipher.blindIndex("+966500000002"));
        assertThat(row.getVersion()).isEqualTo(1);
    }

    @Test
    void anErasedPatientKeepsOnlyWhatIsNotPersonal() {
        projection.on(registered("Omar Farouk"), 0);
        patients.vault.shred(patient);

        projection.on(new PatientErased(patient, clinic, branch, Instant.parse("2026-05-01T00:00:00Z")), 1);

        PatientViewRecord row = row();
        assertThat(row.getErased()).isTrue();
        assertThat(row.getNameEn()).isNull();
        assertThat(row.getNameAr()).isNull();
        assertThat(row.getPhoneEnc()).isNull();
        assertThat(row.getPhoneBidx()).isNull();
        assertThat(row.getDateOfBirthEnc()).isNull();
        assertThat(row.getEmailEnc()).isNull();
        assertThat(row.getEmergencyContactEnc()).isNull();
        assertThat(row.getClinicId()).isEqualTo(clinic);
        assertThat(row.getHomeBranchId()).isEqualTo(branch);
    }

    @Test
    void aReplayAfterErasureRebuildsTheRowErasedAndNeverBringsTheDataBack() {
        PatientRegistered registered = registered("Omar Farouk");
        PatientErased erased = new PatientErased(patient, clinic, branch, Instant.parse("2026-05-01T00:00:00Z"));
        projection.on(registered, 0);
        patients.vault.shred(patient);
        projection.on(erased, 1);

        projection.reset();
        projection.on(registered, 0);

        assertThat(row().getErased()).isTrue();
        assertThat(row().getNameEn()).isNull();
        projection.on(erased, 1);
        assertThat(row().getErased()).isTrue();
        assertThat(row().getVersion()).isEqualTo(1);
    }

    private PatientRegistered registered(String nameEn) {
        return patients.registered(
                patient, clinic, branch, Optional.of(UUID.randomUUID()), Patients.data(nameEn, "+966500000001"));
    }

    private PatientViewRecord row() {
        return db.fetchSingle(PATIENT_VIEW, PATIENT_VIEW.PATIENT_ID.eq(patient));
    }
}
