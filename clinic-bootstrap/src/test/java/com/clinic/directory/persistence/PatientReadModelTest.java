package com.clinic.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.PatientReadModel;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.support.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The patient read model over rows as the patient projection leaves them (written directly here):
 * a login's own record is the living one, whatever the order of the ids.
 */
@IntegrationTest
class PatientReadModelTest {

    @Autowired
    private PatientReadModel patients;

    @Autowired
    private FieldCipher cipher;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aLoginWithAnErasedAndALivingRecordReadsTheLivingOneEvenWhenTheErasedIdSortsFirst() {
        UUID user = UUID.randomUUID();
        // PostgreSQL orders UUIDs by their bytes: the erased id is made the smaller one, so that
        // ordering by id alone would pick it.
        long random = ThreadLocalRandom.current().nextLong() & 0x0FFF_FFFF_FFFF_FFFFL;
        UUID erased = new UUID(random, ThreadLocalRandom.current().nextLong());
        UUID living = new UUID(
                random | 0xF000_0000_0000_0000L, ThreadLocalRandom.current().nextLong());
        UUID clinic = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        erasedRecord(erased, clinic, branch, user);
        livingRecord(living, clinic, branch, user, "Omar");

        assertThat(patients.patientOfUser(user)).hasValueSatisfying(patient -> {
            assertThat(patient.id()).isEqualTo(living);
            assertThat(patient.erased()).isFalse();
            assertThat(patient.personalData().map(PatientPersonalData::nameEn)).contains("Omar");
        });
        assertThat(patients.patient(erased)).hasValueSatisfying(patient -> {
            assertThat(patient.erased()).isTrue();
            assertThat(patient.personalData()).isEmpty();
        });
    }

    @Test
    void aLoginWhoseOnlyRecordIsErasedStillFindsThatRecord() {
        UUID user = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        erasedRecord(erased, UUID.randomUUID(), UUID.randomUUID(), user);

        assertThat(patients.patientOfUser(user)).hasValueSatisfying(patient -> {
            assertThat(patient.id()).isEqualTo(erased);
            assertThat(patient.erased()).isTrue();
        });
        assertThat(patients.patientOfUser(UUID.randomUUID())).isEmpty();
    }

    private void erasedRecord(UUID patientId, UUID clinicId, UUID branchId, UUID userId) {
        jdbc.update(
                "insert into patient_view (patient_id, clinic_id, home_branch_id, user_id, preferred_language,"
                        + " consent_treatment, consent_data_processing, consent_marketing, consent_reminders, erased,"
                        + " version) values (?, ?, ?, ?, 'en', true, true, false, false, true, 2)",
                patientId,
                clinicId,
                branchId,
                userId);
    }

    private void livingRecord(UUID patientId, UUID clinicId, UUID branchId, UUID userId, String nameEn) {
        jdbc.update(
                "insert into patient_view (patient_id, clinic_id, home_branch_id, user_id, name_ar, name_en,"
                        + " date_of_birth_enc, sex_enc, phone_enc, preferred_language, consent_treatment,"
                        + " consent_data_processing, consent_marketing, consent_reminders, erased, version)"
                        + " values (?, ?, ?, ?, 'عمر', ?, ?, ?, ?, 'ar', true, true, false, false, false, 0)",
                patientId,
                clinicId,
                branchId,
                userId,
                nameEn,
                cipher.encrypt("1990-05-17"),
                cipher.encrypt("MALE"),
                cipher.encrypt("+966500000001"));
    }
}
