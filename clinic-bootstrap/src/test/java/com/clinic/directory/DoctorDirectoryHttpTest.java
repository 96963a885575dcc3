package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.awaitOk;
import static com.clinic.directory.DirectoryTestData.doctorProfile;
import static com.clinic.directory.DirectoryTestData.doctorRequest;
import static com.clinic.directory.DirectoryTestData.newDoctor;
import static com.clinic.directory.DirectoryTestData.newSite;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DoctorDirectoryHttpTest {

    @LocalServerPort
    int port;

    Api api;
    Api admin;

    @BeforeEach
    void signIn() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
    }

    @Test
    void aRegisteredDoctorIsFoundBySpecialtyBranchLanguageAndName() {
        DirectoryTestData.Site site = newSite(api);
        String surname = "Qahtani" + unique();
        UUID cardiologist = newDoctor(api, site, "Dr. Sarah " + surname, "cardiology", List.of("ar", "en"));
        UUID pediatrician = newDoctor(api, site, "Dr. Khalid " + surname, "pediatrics", List.of("ar"));

        Api reader = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
        String inBranch = "/api/v1/doctors?branchId=" + site.branchId();

        assertThat(ids(reader.get(inBranch))).containsExactlyInAnyOrder(cardiologist, pediatrician);
        assertThat(ids(reader.get(inBranch + "&specialty=cardiology"))).containsExactly(cardiologist);
        assertThat(ids(reader.get(inBranch + "&language=en"))).containsExactly(cardiologist);
        assertThat(ids(reader.get("/api/v1/doctors?name=khalid%20" + surname.toLowerCase(java.util.Locale.ROOT))))
                .containsExactly(pediatrician);
        assertThat(ids(reader.get("/api/v1/doctors?name=" + surname + "&limit=1")))
                .hasSize(1);

        Api.Response doctor = reader.get("/api/v1/doctors/" + cardiologist);
        assertThat(doctor.json("fees").get(0).path("currency").asString()).isEqualTo("SAR");
        assertThat(doctor.json("fees").get(0).path("amount").decimalValue()).isEqualByComparingTo("350");
        assertThat(doctor.json("active").asBoolean()).isTrue();
        assertThat(doctor.header("ETag")).contains("\"0\"");
    }

    @Test
    void aDoctorIsDeactivatedAndReactivated() {
        DirectoryTestData.Site site = newSite(api);
        UUID doctor = newDoctor(api, site, "Dr. Noura " + unique(), "dermatology", List.of("ar"));

        Api.Response deactivated = admin.post("/api/v1/doctors/" + doctor + "/deactivate", null);
        assertThat(deactivated.status()).isEqualTo(204);
        assertThat(deactivated.header("ETag")).contains("\"1\"");
        assertThat(admin.post("/api/v1/doctors/" + doctor + "/deactivate", null).status())
                .isEqualTo(409);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        admin.get("/api/v1/doctors/" + doctor).json("active").asBoolean())
                .isFalse());
        assertThat(ids(admin.get("/api/v1/doctors?active=true&branchId=" + site.branchId())))
                .doesNotContain(doctor);

        Api.Response stale = admin.header("If-Match", "\"0\"").post("/api/v1/doctors/" + doctor + "/activate", null);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(admin.header("If-Match", "\"1\"")
                        .post("/api/v1/doctors/" + doctor + "/activate", null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aDoctorsProfileIsUpdatedWithIfMatch() {
        DirectoryTestData.Site site = newSite(api);
        UUID doctor = newDoctor(api, site, "Dr. Reem " + unique(), "ent", List.of("ar"));

        Api.Response updated = admin.header("If-Match", "\"0\"")
                .put("/api/v1/doctors/" + doctor, doctorProfile(site, "Dr. Reem Updated", "ent", List.of("ar", "fr")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response read = admin.get("/api/v1/doctors/" + doctor);
            assertThat(read.json("nameEn").asString()).isEqualTo("Dr. Reem Updated");
            assertThat(read.json("languages").toString()).contains("fr");
        });
    }

    @Test
    void onlyAnAccountWithTheDoctorRoleCanBeLinkedToADoctor() {
        DirectoryTestData.Site site = newSite(api);
        Sessions.Session receptionist = Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId());

        Api.Response refused = admin.post(
                "/api/v1/doctors", doctorRequest(receptionist.userId(), site, "Dr. Nobody", "ent", List.of("ar")));
        Api.Response unknown = admin.post(
                "/api/v1/doctors", doctorRequest(UUID.randomUUID(), site, "Dr. Ghost", "ent", List.of("ar")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json("code").asString()).isEqualTo("doctor.account-not-a-doctor");
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    void aDoctorCannotWorkAtAnotherClinicsBranch() {
        DirectoryTestData.Site site = newSite(api);
        DirectoryTestData.Site other = newSite(api);
        Sessions.Session account = Sessions.staff(api, Role.DOCTOR, site.clinicId(), site.branchId());

        Api.Response refused = admin.post(
                "/api/v1/doctors",
                Map.of(
                        "userId", account.userId(),
                        "clinicId", site.clinicId(),
                        "profile", doctorProfile(other, "Dr. Elsewhere", "ent", List.of("ar"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json("code").asString()).isEqualTo("doctor.branch-not-in-clinic");
    }

    @Test
    void aDoctorAccountOfAnotherClinicCannotBeLinked() {
        DirectoryTestData.Site site = newSite(api);
        DirectoryTestData.Site other = newSite(api);
        Sessions.Session elsewhere = Sessions.staff(api, Role.DOCTOR, other.clinicId(), other.branchId());

        Api.Response refused = admin.post(
                "/api/v1/doctors", doctorRequest(elsewhere.userId(), site, "Dr. Elsewhere", "ent", List.of("ar")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json("code").asString()).isEqualTo("doctor.account-of-another-clinic");
    }

    @Test
    void badDoctorInputNamesEveryBadField() {
        DirectoryTestData.Site site = newSite(api);
        Map<String, Object> profile =
                new java.util.LinkedHashMap<>(doctorProfile(site, "Dr. Bad", "ent", List.of("xx")));
        profile.put("fees", List.of(Map.of("branchId", site.branchId(), "amount", -5, "currency", "ABC")));

        Api.Response invalid = admin.post(
                "/api/v1/doctors",
                Map.of("userId", UUID.randomUUID(), "clinicId", site.clinicId(), "profile", profile));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(ClinicDirectoryHttpTest.fields(invalid))
                .anySatisfy(f -> assertThat(f).contains("languages"))
                .anySatisfy(f -> assertThat(f).contains("amount"))
                .anySatisfy(f -> assertThat(f).contains("currency"));

        Api.Response wrongType = admin.post(
                "/api/v1/doctors", Map.of("userId", "not-a-uuid", "clinicId", site.clinicId(), "profile", profile));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(ClinicDirectoryHttpTest.fields(wrongType)).contains("userId");
        assertThat(awaitOk(admin, "/api/v1/clinics/" + site.clinicId()).status())
                .isEqualTo(200);
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
