package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.awaitOk;
import static com.clinic.directory.DirectoryTestData.nationalId;
import static com.clinic.directory.DirectoryTestData.newPatient;
import static com.clinic.directory.DirectoryTestData.newSite;
import static com.clinic.directory.DirectoryTestData.patient;
import static com.clinic.directory.DirectoryTestData.saudiMobile;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PatientRecordsHttpTest {

    static final String PASSWORD = "Patient-Passw0rd!2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Api admin;

    @BeforeEach
    void signIn() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
    }

    @Test
    void aPatientRegistersThemselvesLogsInAndReadsTheirOwnRecord() {
        DirectoryTestData.Site site = newSite(api);
        String email = "fatimah." + unique() + "@example.com";
        String phone = saudiMobile();

        Api.Response registered = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of(
                                "homeBranchId", site.branchId(),
                                "patient", patient("Fatimah " + unique(), phone, nationalId(), email),
                                "password", PASSWORD));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        UUID patientId = UUID.fromString(registered.json("patientId").asString());
        UUID userId = UUID.fromString(registered.json("userId").asString());
        assertThat(registered.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/patients/" + patientId));

        Sessions.Session session = Sessions.login(api, email, PASSWORD);
        assertThat(session.userId()).isEqualTo(userId);
        Api self = api.as(session.accessToken());
        Api.Response mine = awaitOk(self, "/api/v1/patients/me");
        assertThat(mine.json("id").asString()).isEqualTo(patientId.toString());
        assertThat(mine.json("phone").asString()).isEqualTo(phone);
        assertThat(mine.json("email").asString()).isEqualTo(email);
        assertThat(mine.json("consents").path("treatment").asBoolean()).isTrue();
        assertThat(self.get("/api/v1/patients/" + patientId).status()).isEqualTo(200);

        Sessions.Session byPhone = Sessions.login(api, phone, PASSWORD);
        assertThat(byPhone.userId()).isEqualTo(userId);
    }

    @Test
    void aRefusedAccountLeavesNoPatientRecordBehind() {
        DirectoryTestData.Site site = newSite(api);
        String email = "twice." + unique() + "@example.com";
        Map<String, Object> first = Map.of(
                "homeBranchId", site.branchId(),
                "patient", patient("First " + unique(), saudiMobile(), nationalId(), email),
                "password", PASSWORD);
        assertThat(api.anonymous().post("/api/v1/auth/register", first).status())
                .isEqualTo(201);
        int patientEventsBefore = patientRegistrations();

        Api.Response second = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of(
                                "homeBranchId", site.branchId(),
                                "patient", patient("Second " + unique(), saudiMobile(), nationalId(), email),
                                "password", PASSWORD));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(patientRegistrations()).isEqualTo(patientEventsBefore);
    }

    @Test
    void selfRegistrationWithBadInputNamesEveryBadField() {
        DirectoryTestData.Site site = newSite(api);
        Map<String, Object> patient =
                new LinkedHashMap<>(patient("Bad " + unique(), "12345", nationalId(), "not-an-email"));
        patient.put("sex", "UNKNOWN_VALUE");
        Api.Response unknownEnum = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("homeBranchId", site.branchId(), "patient", patient, "password", PASSWORD));
        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(ClinicDirectoryHttpTest.fields(unknownEnum)).containsExactly("patient.sex");

        patient.put("sex", "MALE");
        patient.put("dateOfBirth", "2999-01-01");
        Api.Response invalid = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("homeBranchId", site.branchId(), "patient", patient, "password", PASSWORD));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(ClinicDirectoryHttpTest.fields(invalid))
                .contains("patient.phone", "patient.email", "patient.dateOfBirth");
    }

    @Test
    void staffFindPatientsByPartOfTheirNameOrByExactPhone() {
        DirectoryTestData.Site site = newSite(api);
        Api receptionist = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
        String family = "Zahrani" + unique();
        String phone = saudiMobile();
        UUID maryam = newPatient(receptionist, site.branchId(), patient("Maryam " + family, phone, nationalId(), null));
        UUID yousef = newPatient(
                receptionist, site.branchId(), patient("Yousef " + family, saudiMobile(), nationalId(), null));

        assertThat(ids(receptionist.get("/api/v1/patients?name=" + family.toLowerCase(java.util.Locale.ROOT))))
                .containsExactly(maryam, yousef);
        assertThat(ids(receptionist.get("/api/v1/patients?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))))
                .containsExactly(maryam);
        Api.Response firstPage = receptionist.get("/api/v1/patients?limit=1&name=" + family);
        assertThat(ids(firstPage)).containsExactly(maryam);
        assertThat(ids(receptionist.get("/api/v1/patients?limit=1&name=" + family + "&after="
                        + firstPage.json("nextCursor").asString())))
                .containsExactly(yousef);
        assertThat(receptionist.get("/api/v1/patients?phone=0000").status()).isEqualTo(422);
    }

    @Test
    void personalDataIsNeitherPlainInTheReadModelNorInTheEventStore() {
        DirectoryTestData.Site site = newSite(api);
        String nationalId = nationalId();
        String phone = saudiMobile();
        String email = "secret." + unique() + "@example.com";
        String key = "create-patient-" + unique();
        Api.Response created = admin.header("Idempotency-Key", key)
                .post(
                        "/api/v1/patients",
                        Map.of(
                                "homeBranchId",
                                site.branchId(),
                                "patient",
                                patient("Hidden " + unique(), phone, nationalId, email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID patientId = UUID.fromString(created.json("id").asString());
        awaitOk(admin, "/api/v1/patients/" + patientId);
        byte[] remembered =
                jdbc.queryForObject("select body from idempotency_record where idempotency_key = ?", byte[].class, key);
        assertThat(new String(remembered, StandardCharsets.UTF_8))
                .contains(patientId.toString())
                .doesNotContain(nationalId, phone.substring(1), email, "1987-06-15", "Hidden");

        Map<String, Object> row = jdbc.queryForMap("select * from patient_view where patient_id = ?", patientId);
        String rowText = row.toString();
        assertThat(rowText).doesNotContain(nationalId, phone, phone.substring(1), email, "1987-06-15");
        assertThat((String) row.get("national_id_enc")).matches("^[^:]+:.+");
        assertThat((String) row.get("phone_enc")).isNotBlank();
        assertThat((String) row.get("phone_bidx")).hasSize(64);
        assertThat(row.get("date_of_birth_enc")).isNotNull();

        List<byte[]> payloads = jdbc.queryForList(
                "select payload from domainevententry where aggregateidentifier = ?",
                byte[].class,
                patientId.toString());
        assertThat(payloads).isNotEmpty();
        for (byte[] payload : payloads) {
            String text = new String(payload, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(nationalId, phone.substring(1), email, "1987-06-15", "Hidden");
        }

        Api.Response read = admin.get("/api/v1/patients/" + patientId);
        assertThat(read.json("nationalId").asString()).isEqualTo(nationalId);
        assertThat(read.json("dateOfBirth").asString()).isEqualTo("1987-06-15");
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        DirectoryTestData.Site site = newSite(api);
        Map<String, Object> details = patient("Update " + unique(), saudiMobile(), nationalId(), null);
        UUID patientId = newPatient(admin, site.branchId(), details);
        Map<String, Object> changed = new LinkedHashMap<>(details);
        changed.put("preferredLanguage", "en");

        assertThat(admin.put("/api/v1/patients/" + patientId, changed).status()).isEqualTo(428);
        Api.Response updated = admin.header("If-Match", "\"0\"").put("/api/v1/patients/" + patientId, changed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        assertThat(admin.header("If-Match", "\"0\"")
                        .put("/api/v1/patients/" + patientId, changed)
                        .status())
                .isEqualTo(412);
    }

    private int patientRegistrations() {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like '%PatientRegistered'", Integer.class);
    }

    private static List<UUID> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : page.json("items")) {
            ids.add(UUID.fromString(item.path("id").asString()));
        }
        return ids;
    }
}
