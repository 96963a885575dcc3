package com.clinic.directory.persistence;

import static com.clinic.directory.persistence.Directory.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.NameBook;
import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.directory.DirectoryFacts.Placement;
import com.clinic.directory.domain.branch.BranchEvent.BranchOpened;
import com.clinic.directory.domain.clinic.ClinicEvent.ClinicCreated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorDeactivated;
import com.clinic.directory.domain.doctor.DoctorEvent.DoctorRegistered;
import com.clinic.directory.domain.patient.PatientEvent.PatientErased;
import com.clinic.platform.application.crypto.SubjectKeyStore;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqDirectoryFactsTest {

    private static final UUID CLINIC = id(1);
    private static final UUID RIYADH = id(11);
    private static final UUID CAIRO = id(12);
    private static final UUID OTHER_CLINIC = id(2);
    private static final UUID OTHER_BRANCH = id(21);
    private static final UUID LAYLA = id(101);
    private static final UUID KARIM = id(102);
    private static final UUID RETIRED = id(103);
    private static final UUID OUTSIDER = id(104);
    private static final UUID LAYLA_USER = id(201);

    private final ClinicProjection sites;
    private final DoctorProjection doctors;
    private final Patients patients;
    private final PatientProjection patientProjection;
    private final JooqDirectoryFacts facts;

    JooqDirectoryFactsTest(DSLContext db, SubjectKeyStore keys) {
        this.sites = new ClinicProjection(db);
        this.doctors = new DoctorProjection(db);
        this.patients = new Patients(keys);
        this.patientProjection = new PatientProjection(db, patients.codec, patients.cipher);
        this.facts = new JooqDirectoryFacts(db, patients.cipher);
    }

    @BeforeEach
    void aClinicWithTwoBranchesInTwoZones() {
        sites.on(new ClinicCreated(CLINIC, Directory.site("Clinic", "Asia/Riyadh")), 0);
        sites.on(new BranchOpened(RIYADH, CLINIC, Directory.site("Riyadh", "Asia/Riyadh")), 0);
        sites.on(new BranchOpened(CAIRO, CLINIC, Directory.site("Cairo", "Africa/Cairo")), 0);
        sites.on(new BranchOpened(OTHER_BRANCH, OTHER_CLINIC, Directory.site("Other", "Asia/Dubai")), 0);
        doctor(LAYLA, LAYLA_USER, CLINIC, "Layla", Set.of(RIYADH, CAIRO), "dermatology");
        doctor(KARIM, id(202), CLINIC, "Karim", Set.of(CAIRO), "paediatrics");
        doctor(RETIRED, id(203), CLINIC, "Retired", Set.of(RIYADH), "paediatrics");
        doctors.on(new DoctorDeactivated(RETIRED), 1);
        doctor(OUTSIDER, id(204), OTHER_CLINIC, "Outsider", Set.of(OTHER_BRANCH), "dermatology");
    }

    @Test
    void clinicsAndBranchesAreKnownWithTheirZones() {
        assertThat(facts.clinicExists(CLINIC)).isTrue();
        assertThat(facts.clinicExists(id(999))).isFalse();
        assertThat(facts.clinicOfBranch(CAIRO)).contains(CLINIC);
        assertThat(facts.branch(CAIRO)).contains(new BranchFacts(CAIRO, CLINIC, ZoneId.of("Africa/Cairo")));
        assertThat(facts.branch(id(999))).isEmpty();
    }

    @Test
    void aDoctorsFactsCarryTheirBranchesSpecialtiesAndWhetherTheyPractise() {
        assertThat(facts.doctor(LAYLA))
                .contains(
                        new DoctorFacts(LAYLA, LAYLA_USER, CLINIC, Set.of(RIYADH, CAIRO), Set.of("dermatology"), true));
        assertThat(facts.doctor(RETIRED))
                .hasValueSatisfying(d -> assertThat(d.active()).isFalse());
        assertThat(facts.doctorOfUser(LAYLA_USER)).map(DoctorFacts::doctorId).contains(LAYLA);
        assertThat(facts.doctorIdOfUser(LAYLA_USER)).contains(LAYLA);
        assertThat(facts.doctorIdOfUser(id(999))).isEmpty();
    }

    @Test
    void aUserWithAnInactiveAndAnActiveDoctorRecordIsTheActiveDoctor() {
        UUID user = id(300);
        // The inactive record gets the smaller id, so that ordering by id alone would pick it.
        doctor(id(110), user, CLINIC, "Old record", Set.of(RIYADH), "dermatology");
        doctors.on(new DoctorDeactivated(id(110)), 1);
        doctor(id(120), user, CLINIC, "New record", Set.of(RIYADH), "dermatology");

        assertThat(facts.doctorOfUser(user)).map(DoctorFacts::doctorId).contains(id(120));
        assertThat(facts.doctorIdOfUser(user)).contains(id(120));
    }

    @Test
    void onlyAnActiveDoctorWorksAtABranchOrOffersASpecialtyThere() {
        assertThat(facts.worksAt(LAYLA, CAIRO)).isTrue();
        assertThat(facts.worksAt(KARIM, RIYADH)).isFalse();
        assertThat(facts.worksAt(RETIRED, RIYADH)).isFalse();
        assertThat(facts.specialtyAtBranch("paediatrics", CAIRO)).isTrue();
        assertThat(facts.specialtyAtBranch("paediatrics", RIYADH))
                .as("only the retired doctor")
                .isFalse();
        assertThat(facts.specialtyAtBranch("dermatology", RIYADH)).isTrue();
    }

    @Test
    void placementsPairActiveDoctorsWithTheClinicsBranchesAndTheirZones() {
        assertThat(facts.placements(CLINIC, Optional.empty(), Optional.empty(), Optional.empty()))
                .containsExactlyInAnyOrder(
                        new Placement(LAYLA, RIYADH, ZoneId.of("Asia/Riyadh")),
                        new Placement(LAYLA, CAIRO, ZoneId.of("Africa/Cairo")),
                        new Placement(KARIM, CAIRO, ZoneId.of("Africa/Cairo")));
        assertThat(facts.placements(CLINIC, Optional.of(LAYLA), Optional.of(CAIRO), Optional.empty()))
                .containsExactly(new Placement(LAYLA, CAIRO, ZoneId.of("Africa/Cairo")));
        assertThat(facts.placements(CLINIC, Optional.empty(), Optional.empty(), Optional.of("paediatrics")))
                .containsExactly(new Placement(KARIM, CAIRO, ZoneId.of("Africa/Cairo")));
        assertThat(facts.placements(OTHER_CLINIC, Optional.of(LAYLA), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void namesOfPatientsAndDoctorsComeBackInOneBookAndUnknownIdsAreLeftOut() {
        UUID patient = id(400);
        patientProjection.on(
                patients.registered(
                        patient, CLINIC, RIYADH, Optional.empty(), Patients.data("Omar Farouk", "+966500000001")),
                0);

        NameBook book = facts.names(List.of(patient, patient, id(999)), List.of(LAYLA, KARIM, patient));

        assertThat(book.patients()).containsOnlyKeys(patient);
        assertThat(book.patient(patient)).isEqualTo(new Names("عمر", "Omar Farouk"));
        assertThat(book.doctors()).containsOnlyKeys(LAYLA, KARIM);
        assertThat(book.doctor(LAYLA)).isEqualTo(new Names("د. Layla", "Layla"));
        assertThat(book.patient(id(999))).isEqualTo(Names.NONE);
        assertThat(facts.names(List.of(), List.of()).patients()).isEmpty();
    }

    @Test
    void aPatientsFactsSayWhetherTheyWereErasedAndALoginPrefersItsLivingRecord() {
        UUID user = id(500);
        UUID erased = id(401);
        UUID living = id(402);
        patientProjection.on(
                patients.registered(erased, CLINIC, RIYADH, Optional.of(user), Patients.data("Gone", "+966500000001")),
                0);
        patients.vault.shred(erased);
        patientProjection.on(new PatientErased(erased, CLINIC, RIYADH, Instant.now()), 1);
        patientProjection.on(
                patients.registered(living, CLINIC, CAIRO, Optional.of(user), Patients.data("Here", "+966500000002")),
                0);

        assertThat(facts.patient(erased))
                .hasValueSatisfying(p -> assertThat(p.erased()).isTrue());
        assertThat(facts.patientOfUser(user)).hasValueSatisfying(p -> {
            assertThat(p.patientId()).isEqualTo(living);
            assertThat(p.homeBranchId()).isEqualTo(CAIRO);
            assertThat(p.preferredLanguage()).isEqualTo("ar");
        });
        assertThat(facts.patientIdOfUser(user)).contains(living);
        assertThat(facts.isPatientOfClinic(living, CLINIC)).isTrue();
        assertThat(facts.isPatientOfClinic(erased, CLINIC)).isFalse();
        assertThat(facts.isPatientOfClinic(living, OTHER_CLINIC)).isFalse();
    }

    @Test
    void aPatientsContactIsOpenedFromTheSealedRecordWithTheirConsentsAndIsGoneAfterErasure() {
        UUID patient = id(403);
        patientProjection.on(
                patients.registered(patient, CLINIC, RIYADH, Optional.empty(), Patients.data("Sara", "+966500000003")),
                0);

        assertThat(facts.contact(patient)).hasValueSatisfying(contact -> {
            assertThat(contact.phoneE164()).contains("+966500000003");
            assertThat(contact.preferredLanguage()).isEqualTo("ar");
            assertThat(contact.toString()).doesNotContain("+966");
        });
        assertThat(facts.contact(id(998))).isEmpty();

        patients.vault.shred(patient);
        patientProjection.on(new PatientErased(patient, CLINIC, RIYADH, Instant.now()), 1);
        assertThat(facts.contact(patient)).hasValueSatisfying(contact -> {
            assertThat(contact.phoneE164()).isEmpty();
            assertThat(contact.email()).isEmpty();
        });
    }

    private void doctor(UUID doctor, UUID user, UUID clinic, String name, Set<UUID> branches, String specialty) {
        doctors.on(
                new DoctorRegistered(
                        doctor, user, clinic, Directory.doctor(name, branches, Set.of(specialty), Set.of("ar"))),
                0);
    }
}
