package com.clinic.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.DirectoryFacts.NameBook;
import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.directory.DirectoryFacts.Placement;
import com.clinic.identity.StaffScopeDirectory;
import com.clinic.support.IntegrationTest;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The directory's answers to other contexts, read from its read models as its projections leave
 * them (rows written directly here): batch lookups return everything asked in one call, and the
 * lookups by login prefer the record that still counts.
 */
@IntegrationTest
class DirectoryFactsTest {

    @Autowired
    private DirectoryFacts facts;

    @Autowired
    private StaffScopeDirectory staffScopes;

    @Autowired
    private JdbcTemplate jdbc;

    private UUID clinic;
    private UUID riyadh;
    private UUID dubai;

    @BeforeEach
    void aClinicWithTwoBranchesInTwoZones() {
        clinic = UUID.randomUUID();
        jdbc.update(
                "insert into clinic_view (clinic_id, name_ar, name_en, address, phone, time_zone, currency, working_days, version)"
                        + " values (?, 'عيادة', 'Clinic', 'Street 1', '+966112345678', 'Asia/Riyadh', 'SAR', 'SUNDAY', 0)",
                clinic);
        riyadh = branch(clinic, "Asia/Riyadh");
        dubai = branch(clinic, "Asia/Dubai");
    }

    @Test
    void namesOfManyPatientsAndDoctorsComeBackTogetherAndAnErasedPatientHasNone() {
        UUID mona = patient(clinic, riyadh, Optional.empty(), "منى", "Mona", false);
        UUID erased = patient(clinic, riyadh, Optional.empty(), null, null, true);
        UUID sara = doctor(clinic, UUID.randomUUID(), List.of(riyadh), List.of(), true, "د. سارة", "Dr. Sara");
        UUID unknown = UUID.randomUUID();

        NameBook names = facts.names(List.of(mona, erased, unknown, mona), List.of(sara, unknown));

        assertThat(names.patient(mona)).isEqualTo(new Names("منى", "Mona"));
        assertThat(names.patient(erased)).isEqualTo(Names.NONE);
        assertThat(names.patient(unknown)).isEqualTo(Names.NONE);
        assertThat(names.doctor(sara)).isEqualTo(new Names("د. سارة", "Dr. Sara"));
        assertThat(names.doctors()).containsOnlyKeys(sara);
        assertThat(facts.names(List.of(), List.of()).patients()).isEmpty();
    }

    @Test
    void placementsAreTheActiveDoctorsAtTheClinicsBranchesWithEachBranchsZone() {
        UUID both = doctor(clinic, UUID.randomUUID(), List.of(riyadh, dubai), List.of("cardiology"), true, "a", "A");
        UUID dermatologist = doctor(clinic, UUID.randomUUID(), List.of(riyadh), List.of("dermatology"), true, "b", "B");
        doctor(clinic, UUID.randomUUID(), List.of(riyadh), List.of("cardiology"), false, "c", "C");
        UUID elsewhere = UUID.randomUUID();
        doctor(
                elsewhere,
                UUID.randomUUID(),
                List.of(branch(elsewhere, "Europe/Paris")),
                List.of("cardiology"),
                true,
                "d",
                "D");

        assertThat(facts.placements(clinic, Optional.empty(), Optional.empty(), Optional.empty()))
                .containsExactlyInAnyOrder(
                        new Placement(both, riyadh, ZoneId.of("Asia/Riyadh")),
                        new Placement(both, dubai, ZoneId.of("Asia/Dubai")),
                        new Placement(dermatologist, riyadh, ZoneId.of("Asia/Riyadh")));
        assertThat(facts.placements(clinic, Optional.empty(), Optional.of(dubai), Optional.of("cardiology")))
                .containsExactly(new Placement(both, dubai, ZoneId.of("Asia/Dubai")));
        assertThat(facts.placements(clinic, Optional.of(dermatologist), Optional.empty(), Optional.of("cardiology")))
                .isEmpty();
    }

    @Test
    void aDoctorsFactsSayWhereTheyWorkAndAnInactiveDoctorWorksNowhere() {
        UUID user = UUID.randomUUID();
        UUID doctor = doctor(clinic, user, List.of(riyadh, dubai), List.of("cardiology", "surgery"), true, "a", "A");
        UUID retired = doctor(clinic, UUID.randomUUID(), List.of(riyadh), List.of("cardiology"), false, "b", "B");

        assertThat(facts.doctor(doctor))
                .contains(new DoctorFacts(
                        doctor, user, clinic, Set.of(riyadh, dubai), Set.of("cardiology", "surgery"), true));
        assertThat(facts.doctorIdOfUser(user)).contains(doctor);
        assertThat(facts.worksAt(doctor, dubai)).isTrue();
        assertThat(facts.worksAt(retired, riyadh)).isFalse();
        assertThat(facts.specialtyAtBranch("surgery", dubai)).isTrue();
        assertThat(facts.specialtyAtBranch("dermatology", riyadh)).isFalse();
    }

    @Test
    void aLoginWithAnErasedAndALivingPatientRecordIsTheLivingOne() {
        UUID user = UUID.randomUUID();
        patient(clinic, riyadh, Optional.of(user), null, null, true);
        UUID living = patient(clinic, dubai, Optional.of(user), "عمر", "Omar", false);

        assertThat(facts.patientIdOfUser(user)).contains(living);
        assertThat(facts.patientOfUser(user)).hasValueSatisfying(patient -> {
            assertThat(patient.patientId()).isEqualTo(living);
            assertThat(patient.homeBranchId()).isEqualTo(dubai);
            assertThat(patient.userId()).contains(user);
            assertThat(patient.preferredLanguage()).isEqualTo("ar");
        });
        assertThat(facts.isPatientOfClinic(living, clinic)).isTrue();
        assertThat(facts.isPatientOfClinic(living, UUID.randomUUID())).isFalse();
    }

    @Test
    void identityLearnsABranchsClinicFromTheDirectory() {
        assertThat(staffScopes.clinicExists(clinic)).isTrue();
        assertThat(staffScopes.clinicOfBranch(dubai)).contains(clinic);
        assertThat(staffScopes.clinicOfBranch(UUID.randomUUID())).isEmpty();
        assertThat(facts.branch(dubai))
                .hasValueSatisfying(branch -> assertThat(branch.zone()).isEqualTo(ZoneId.of("Asia/Dubai")));
    }

    private UUID branch(UUID clinicId, String zone) {
        UUID branchId = UUID.randomUUID();
        jdbc.update(
                "insert into branch_view (branch_id, clinic_id, name_ar, name_en, address, phone, time_zone, currency, working_days, version)"
                        + " values (?, ?, 'فرع', 'Branch', 'Street 2', '+966112345678', ?, 'SAR', 'SUNDAY', 0)",
                branchId,
                clinicId,
                zone);
        return branchId;
    }

    private UUID doctor(
            UUID clinicId,
            UUID userId,
            List<UUID> branchIds,
            List<String> specialties,
            boolean active,
            String nameAr,
            String nameEn) {
        UUID doctorId = UUID.randomUUID();
        jdbc.update(
                "insert into doctor_view (doctor_id, user_id, clinic_id, name_ar, name_en, bio_ar, bio_en, active, version)"
                        + " values (?, ?, ?, ?, ?, '', '', ?, 0)",
                doctorId,
                userId,
                clinicId,
                nameAr,
                nameEn,
                active);
        for (UUID branchId : branchIds) {
            jdbc.update("insert into doctor_branch (doctor_id, branch_id) values (?, ?)", doctorId, branchId);
        }
        for (String specialty : specialties) {
            jdbc.update("insert into doctor_specialty (doctor_id, specialty) values (?, ?)", doctorId, specialty);
        }
        return doctorId;
    }

    private UUID patient(
            UUID clinicId, UUID branchId, Optional<UUID> userId, String nameAr, String nameEn, boolean erased) {
        UUID patientId = UUID.randomUUID();
        jdbc.update(
                "insert into patient_view (patient_id, clinic_id, home_branch_id, user_id, name_ar, name_en,"
                        + " preferred_language, consent_treatment, consent_data_processing, consent_marketing,"
                        + " consent_reminders, erased, version)"
                        + " values (?, ?, ?, ?, ?, ?, 'ar', true, true, false, false, ?, 0)",
                patientId,
                clinicId,
                branchId,
                userId.orElse(null),
                nameAr,
                nameEn,
                erased);
        return patientId;
    }
}
