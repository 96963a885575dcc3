package com.clinic.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.application.port.PatientPersonalData;
import com.clinic.directory.application.port.PatientReadModel.Search;
import com.clinic.directory.application.port.PatientSummary;
import com.clinic.directory.domain.patient.Consents;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.crypto.SubjectKeyStore;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The patient read model over rows as the patient projection leaves them: personal data decrypted
 * for the record returned, erased records found but empty, and a login's own record the living one.
 */
@ExtendWith(PostgresTestDatabase.class)
class JooqPatientReadModelTest {

    private final Patients patients;
    private final PatientProjection projection;
    private final JooqPatientReadModel readModel;
    private final UUID clinic = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();

    JooqPatientReadModelTest(DSLContext db, SubjectKeyStore keys) {
        this.patients = new Patients(keys);
        this.projection = new PatientProjection(db, patients.codec, patients.cipher);
        this.readModel = new JooqPatientReadModel(db, patients.cipher);
    }

    @Test
    void aPatientReadsBackWithEveryPersonalFieldDecrypted() {
        UUID patient = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        PatientPersonalData data = Patients.data("Omar Farouk", "+966500000001");
        projection.on(patients.registered(patient, clinic, branch, Optional.of(user), data), 0);

        assertThat(readModel.patient(patient)).hasValueSatisfying(view -> {
            assertThat(view.personalData()).contains(data);
            assertThat(view.userId()).contains(user);
            assertThat(view.clinicId()).isEqualTo(clinic);
            assertThat(view.homeBranchId()).isEqualTo(branch);
            assertThat(view.preferredLanguage()).isEqualTo("ar");
            assertThat(view.consents()).isEqualTo(new Consents(true, true, false, true));
            assertThat(view.erased()).isFalse();
        });
        assertThat(readModel.patient(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aLoginWithAnErasedAndALivingRecordReadsTheLivingOneEvenWhenTheErasedIdSortsFirst() {
        UUID user = UUID.randomUUID();
        // PostgreSQL orders UUIDs by their bytes: the erased id is made the smaller one, so that
        // ordering by id alone would pick it.
        long random = ThreadLocalRandom.current().nextLong() & 0x0FFF_FFFF_FFFF_FFFFL;
        UUID erased = new UUID(random, ThreadLocalRandom.current().nextLong());
        UUID living = new UUID(
                random | 0xF000_0000_0000_0000L, ThreadLocalRandom.current().nextLong());
        erasedRecord(erased, user);
        projection.on(
                patients.registered(living, clinic, branch, Optional.of(user), Patients.data("Omar", "+966500000001")),
                0);

        assertThat(readModel.patientOfUser(user)).hasValueSatisfying(patient -> {
            assertThat(patient.id()).isEqualTo(living);
            assertThat(patient.erased()).isFalse();
            assertThat(patient.personalData().map(PatientPersonalData::nameEn)).contains("Omar");
        });
        assertThat(readModel.patient(erased)).hasValueSatisfying(patient -> {
            assertThat(patient.erased()).isTrue();
            assertThat(patient.personalData()).isEmpty();
        });
    }

    @Test
    void aLoginWhoseOnlyRecordIsErasedStillFindsThatRecord() {
        UUID user = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        erasedRecord(erased, user);

        assertThat(readModel.patientOfUser(user)).hasValueSatisfying(patient -> {
            assertThat(patient.id()).isEqualTo(erased);
            assertThat(patient.erased()).isTrue();
        });
        assertThat(readModel.patientOfUser(UUID.randomUUID())).isEmpty();
    }

    @Test
    void searchFindsLivingPatientsByNameOrByThePhonesBlindIndexWithinAScope() {
        UUID omar = register("Omar Farouk", "+966500000001", branch);
        UUID omayma = register("Omayma Saleh", "+966500000002", branch);
        UUID elsewhere = register("Omar Elsewhere", "+966500000003", UUID.randomUUID());
        UUID erased = register("Omar Erased", "+966500000004", branch);
        patients.vault.shred(erased);
        projection.on(new PatientErased(erased, clinic, branch, Instant.now()), 1);

        assertThat(search(new Search(Optional.of("OMA"), Optional.empty(), Optional.of(clinic), Optional.empty())))
                .containsExactly(elsewhere, omar, omayma);
        assertThat(search(new Search(Optional.of("omar"), Optional.empty(), Optional.empty(), Optional.of(branch))))
                .containsExactly(omar);
        assertThat(search(new Search(
                        Optional.empty(),
                        Optional.of(patients.cipher.blindIndex("+966500000002")),
                        Optional.empty(),
                        Optional.empty())))
                .containsExactly(omayma);
        assertThat(search(new Search(
                        Optional.empty(),
                        Optional.of(patients.cipher.blindIndex("+966500000004")),
                        Optional.empty(),
                        Optional.empty())))
                .as("an erased patient cannot be found by a phone they once had")
                .isEmpty();
    }

    @Test
    void searchResultsArePagedByName() {
        register("Carla", "+966500000001", branch);
        register("Amal", "+966500000002", branch);
        register("Basel", "+966500000003", branch);
        Search all = new Search(Optional.empty(), Optional.empty(), Optional.of(clinic), Optional.empty());

        Page<PatientSummary> first = readModel.search(all, PageRequest.first(2));
        Page<PatientSummary> rest = readModel.search(all, new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(PatientSummary::nameEn).containsExactly("Amal", "Basel");
        assertThat(rest.items()).extracting(PatientSummary::nameEn).containsExactly("Carla");
        assertThat(rest.nextCursor()).isEmpty();
    }

    private UUID register(String nameEn, String phone, UUID homeBranch) {
        UUID patient = UUID.randomUUID();
        projection.on(
                patients.registered(patient, clinic, homeBranch, Optional.empty(), Patients.data(nameEn, phone)), 0);
        return patient;
    }

    private void erasedRecord(UUID patient, UUID user) {
        projection.on(
                patients.registered(patient, clinic, branch, Optional.of(user), Patients.data("Gone", "+966500000009")),
                0);
        patients.vault.shred(patient);
        projection.on(new PatientErased(patient, clinic, branch, Instant.now()), 1);
    }

    private List<UUID> search(Search search) {
        return readModel.search(search, PageRequest.first(50)).items().stream()
                .map(PatientSummary::id)
                .toList();
    }
}
