package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.awaitOk;
import static com.clinic.directory.DirectoryTestData.nationalId;
import static com.clinic.directory.DirectoryTestData.newBranch;
import static com.clinic.directory.DirectoryTestData.newPatient;
import static com.clinic.directory.DirectoryTestData.newSite;
import static com.clinic.directory.DirectoryTestData.patient;
import static com.clinic.directory.DirectoryTestData.saudiMobile;
import static com.clinic.directory.DirectoryTestData.site;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what in the directory, allowed AND denied, for every role. Clinic A has branches A1
 * and A2; clinic B is someone else's. Patient P is registered by staff at A1; patient Q registered
 * themselves at A1.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryAccessMatrixTest {

    @LocalServerPort
    int port;

    Api api;
    DirectoryTestData.Site a;
    UUID a2;
    DirectoryTestData.Site b;
    Api admin;
    Api managerA;
    Api managerB;
    Api doctorA1;
    Api receptionistA1;
    Api receptionistA2;
    Api auditor;
    Api patientQ;
    UUID p;
    UUID q;

    @BeforeAll
    void setUp() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        a = newSite(api);
        a2 = newBranch(admin, a.clinicId());
        b = newSite(api);
        managerA = session(Role.MANAGER, a.clinicId(), null);
        managerB = session(Role.MANAGER, b.clinicId(), null);
        doctorA1 = session(Role.DOCTOR, a.clinicId(), a.branchId());
        receptionistA1 = session(Role.RECEPTIONIST, a.clinicId(), a.branchId());
        receptionistA2 = session(Role.RECEPTIONIST, a.clinicId(), a2);
        auditor = session(Role.AUDITOR, null, null);
        p = newPatient(
                receptionistA1, a.branchId(), patient("Matrix P " + unique(), saudiMobile(), nationalId(), null));
        String email = "q." + unique() + "@example.com";
        Api.Response registered = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of(
                                "homeBranchId", a.branchId(),
                                "patient", patient("Matrix Q " + unique(), saudiMobile(), nationalId(), email),
                                "password", PatientRecordsHttpTest.PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        q = UUID.fromString(registered.json("patientId").asString());
        patientQ = api.as(
                Sessions.login(api, email, PatientRecordsHttpTest.PASSWORD).accessToken());
        awaitOk(patientQ, "/api/v1/patients/me");
    }

    private Api session(Role role, UUID clinicId, UUID branchId) {
        return api.as(Sessions.staff(api, role, clinicId, branchId).accessToken());
    }

    @Test
    void onlyAnAdminCreatesClinics() {
        Map<String, Object> clinic = site("Matrix " + unique(), "Asia/Riyadh", "SAR");
        assertThat(admin.post("/api/v1/clinics", clinic).status()).isEqualTo(201);
        for (Api denied : new Api[] {managerA, doctorA1, receptionistA1, auditor, patientQ}) {
            assertThat(denied.post("/api/v1/clinics", clinic).status()).isEqualTo(403);
        }
        assertThat(api.anonymous().post("/api/v1/clinics", clinic).status()).isEqualTo(401);
    }

    @Test
    void aManagerAdministersTheirOwnClinicOnly() {
        Map<String, Object> branch = site("Matrix branch " + unique(), "Asia/Riyadh", null);
        assertThat(managerA.post("/api/v1/clinics/" + a.clinicId() + "/branches", branch)
                        .status())
                .isEqualTo(201);
        assertThat(managerB.post("/api/v1/clinics/" + a.clinicId() + "/branches", branch)
                        .status())
                .isEqualTo(403);
        assertThat(receptionistA1
                        .post("/api/v1/clinics/" + a.clinicId() + "/branches", branch)
                        .status())
                .isEqualTo(403);
        assertThat(doctorA1.post("/api/v1/clinics/" + a.clinicId() + "/branches", branch)
                        .status())
                .isEqualTo(403);

        Map<String, Object> clinic = site("Matrix renamed " + unique(), "Asia/Riyadh", "SAR");
        assertThat(managerB.header("If-Match", "*")
                        .put("/api/v1/clinics/" + a.clinicId(), clinic)
                        .status())
                .isEqualTo(403);
        assertThat(doctorA1.header("If-Match", "*")
                        .put("/api/v1/clinics/" + a.clinicId(), clinic)
                        .status())
                .isEqualTo(403);
        assertThat(managerA.header("If-Match", "*")
                        .put("/api/v1/clinics/" + a.clinicId(), clinic)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aManagerCannotRegisterDoctorsForAnotherClinic() {
        Sessions.Session account = Sessions.staff(api, Role.DOCTOR, a.clinicId(), a.branchId());
        Map<String, Object> request = DirectoryTestData.doctorRequest(
                account.userId(), a, "Dr. Matrix " + unique(), "ent", java.util.List.of("ar"));
        assertThat(managerB.post("/api/v1/doctors", request).status()).isEqualTo(403);
        assertThat(receptionistA1.post("/api/v1/doctors", request).status()).isEqualTo(403);
        assertThat(managerA.post("/api/v1/doctors", request).status()).isEqualTo(201);
    }

    @Test
    void everySignedInUserReadsTheDirectory() {
        for (Api reader : new Api[] {admin, managerB, doctorA1, receptionistA2, auditor, patientQ}) {
            assertThat(reader.get("/api/v1/clinics/" + a.clinicId()).status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/clinics/" + a.clinicId() + "/branches")
                            .status())
                    .isEqualTo(200);
            assertThat(reader.get("/api/v1/doctors?branchId=" + a.branchId()).status())
                    .isEqualTo(200);
        }
        assertThat(api.anonymous().get("/api/v1/doctors").status()).isEqualTo(401);
    }

    @Test
    void aPatientRecordIsVisibleWithinTheReadersScopeOnly() {
        String path = "/api/v1/patients/" + p;
        for (Api allowed : new Api[] {admin, managerA, doctorA1, receptionistA1}) {
            assertThat(allowed.get(path).status()).isEqualTo(200);
        }
        assertThat(receptionistA2.get(path).status()).isEqualTo(404);
        assertThat(managerB.get(path).status()).isEqualTo(404);
        assertThat(patientQ.get(path).status()).isEqualTo(404);
        assertThat(auditor.get(path).status()).isEqualTo(403);
        assertThat(api.anonymous().get(path).status()).isEqualTo(401);

        assertThat(patientQ.get("/api/v1/patients/" + q).status()).isEqualTo(200);
        assertThat(receptionistA1.get("/api/v1/patients/" + q).status()).isEqualTo(200);
    }

    @Test
    void onlyStaffSearchPatientsAndOnlyWithinTheirScope() {
        assertThat(receptionistA1.get("/api/v1/patients?name=Matrix").status()).isEqualTo(200);
        assertThat(receptionistA2.get("/api/v1/patients?name=Matrix").json("items"))
                .isEmpty();
        assertThat(managerB.get("/api/v1/patients?name=Matrix").json("items")).isEmpty();
        assertThat(managerA.get("/api/v1/patients?name=Matrix").json("items").size())
                .isGreaterThanOrEqualTo(2);
        assertThat(auditor.get("/api/v1/patients?name=Matrix").status()).isEqualTo(403);
        assertThat(patientQ.get("/api/v1/patients?name=Matrix").status()).isEqualTo(403);
    }

    @Test
    void staffRegisterPatientsOnlyAtBranchesTheyWorkFor() {
        Map<String, Object> request = Map.of(
                "homeBranchId", a.branchId(),
                "patient", patient("Matrix new " + unique(), saudiMobile(), nationalId(), null));
        assertThat(receptionistA2.post("/api/v1/patients", request).status()).isEqualTo(403);
        assertThat(managerB.post("/api/v1/patients", request).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/patients", request).status()).isEqualTo(403);
        assertThat(patientQ.post("/api/v1/patients", request).status()).isEqualTo(403);
        assertThat(doctorA1.post("/api/v1/patients", request).status()).isEqualTo(201);
        assertThat(managerA.post("/api/v1/patients", request).status()).isEqualTo(201);
    }

    @Test
    void outOfScopeCallersCannotChangeOrEraseARecord() {
        Map<String, Object> details = patient("Matrix P changed", saudiMobile(), nationalId(), null);
        assertThat(receptionistA2
                        .header("If-Match", "*")
                        .put("/api/v1/patients/" + p, details)
                        .status())
                .isEqualTo(404);
        assertThat(patientQ.header("If-Match", "*")
                        .put("/api/v1/patients/" + p, details)
                        .status())
                .isEqualTo(404);
        assertThat(auditor.header("If-Match", "*")
                        .put("/api/v1/patients/" + p, details)
                        .status())
                .isEqualTo(403);

        assertThat(receptionistA1.post("/api/v1/patients/" + p + "/erase", null).status())
                .isEqualTo(403);
        assertThat(managerA.post("/api/v1/patients/" + p + "/erase", null).status())
                .isEqualTo(403);
        assertThat(auditor.post("/api/v1/patients/" + p + "/erase", null).status())
                .isEqualTo(403);
        assertThat(patientQ.post("/api/v1/patients/" + p + "/erase", null).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/patients/" + p).json("erased").asBoolean())
                .isFalse();
    }
}
