package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.awaitOk;
import static com.clinic.directory.DirectoryTestData.site;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ClinicDirectoryHttpTest {

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
    void anAdminCreatesAClinicThatEverySignedInUserCanThenRead() {
        String name = "Al Shifa " + unique();
        Api.Response created = admin.post("/api/v1/clinics", site(name, "Asia/Riyadh", "SAR"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json("id").asString();
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/clinics/" + id));
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(created.json("nameEn").asString()).isEqualTo(name);
        assertThat(created.json("nameAr").asString()).isEqualTo("عيادة " + name);

        Api.Response read = awaitOk(admin, "/api/v1/clinics/" + id);
        assertThat(read.header("ETag")).contains("\"0\"");
        assertThat(read.json("timeZone").asString()).isEqualTo("Asia/Riyadh");
        assertThat(read.json("currency").asString()).isEqualTo("SAR");
        assertThat(read.json("workingDays")).hasSize(5);
        assertThat(api.anonymous().get("/api/v1/clinics/" + id).status()).isEqualTo(401);
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndAStaleOneIsRefusedWith412() {
        String id = admin.post("/api/v1/clinics", site("Clinic " + unique(), "Asia/Riyadh", "SAR"))
                .json("id")
                .asString();
        awaitOk(admin, "/api/v1/clinics/" + id);
        Map<String, Object> renamed = site("Renamed " + unique(), "Asia/Riyadh", "SAR");

        Api.Response withoutIfMatch = admin.put("/api/v1/clinics/" + id, renamed);
        assertThat(withoutIfMatch.status()).isEqualTo(428);

        Api.Response updated = admin.header("If-Match", "\"0\"").put("/api/v1/clinics/" + id, renamed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        assertThat(updated.header("ETag")).contains("\"1\"");

        Api.Response stale = admin.header("If-Match", "\"0\"")
                .put("/api/v1/clinics/" + id, site("Lost update", "Asia/Riyadh", "SAR"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json("code").asString()).isEqualTo("stale-version");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response read = admin.get("/api/v1/clinics/" + id);
            assertThat(read.json("nameEn").asString()).isEqualTo(renamed.get("nameEn"));
            assertThat(read.header("ETag")).contains("\"1\"");
        });
    }

    @Test
    void aBranchWithoutACurrencyChargesInItsClinicsCurrency() {
        String clinicId = admin.post("/api/v1/clinics", site("Gulf " + unique(), "Asia/Dubai", "AED"))
                .json("id")
                .asString();
        awaitOk(admin, "/api/v1/clinics/" + clinicId);

        Api.Response branch =
                admin.post("/api/v1/clinics/" + clinicId + "/branches", site("Dubai Marina", "Asia/Dubai", null));

        assertThat(branch.status()).as(branch.toString()).isEqualTo(201);
        assertThat(branch.json("currency").asString()).isEqualTo("AED");
        assertThat(branch.json("clinicId").asString()).isEqualTo(clinicId);
        String branchId = branch.json("id").asString();
        awaitOk(admin, "/api/v1/clinics/" + clinicId + "/branches/" + branchId);
        Api.Response list = admin.get("/api/v1/clinics/" + clinicId + "/branches");
        assertThat(list.json("items")).hasSize(1);
        assertThat(admin.get("/api/v1/clinics/" + UUID.randomUUID() + "/branches/" + branchId)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badInputIsA400ProblemNamingEveryBadField() {
        Map<String, Object> bad = new java.util.LinkedHashMap<>(site("Bad " + unique(), "Mars/Olympus_Mons", "XYZ"));
        bad.put("phone", "0501234567");
        bad.put("nameAr", " ");

        Api.Response invalid = admin.post("/api/v1/clinics", bad);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(fields(invalid)).contains("phone", "timeZone", "currency", "nameAr");
        assertThat(invalid.rawBody()).doesNotContain("Exception", "at com.");
    }

    @Test
    void anUnknownDayOfTheWeekIsA400NamingTheField() {
        Map<String, Object> bad = new java.util.LinkedHashMap<>(site("Bad " + unique(), "Asia/Riyadh", "SAR"));
        bad.put("workingDays", List.of("MONDAY", "FUNDAY"));

        Api.Response invalid = admin.post("/api/v1/clinics", bad);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).anySatisfy(f -> assertThat(f).startsWith("workingDays"));
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheField() {
        Map<String, Object> bad = new java.util.LinkedHashMap<>(site("Bad " + unique(), "Asia/Riyadh", "SAR"));
        bad.put("workingDays", "MONDAY");

        Api.Response invalid = admin.post("/api/v1/clinics", bad);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).contains("workingDays");
    }

    @Test
    void malformedJsonIsA400Problem() {
        Api.Response malformed = admin.post("/api/v1/clinics", "{\"nameEn\": \"Broken\",");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json("code").asString()).isEqualTo("malformed-json");
    }

    @Test
    void anInvalidTimeZoneReachingTheApplicationIsRejectedAsA4xx() {
        // "+03:00" parses as a ZoneId but is not a region: bean validation and the service both refuse it.
        Api.Response invalid = admin.post("/api/v1/clinics", site("Offset " + unique(), "+03:00", "SAR"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("timeZone");
    }

    @Test
    void retryingACreationWithTheSameIdempotencyKeyAnswersTheSameAndRecordsOneEvent() {
        Api keyed = admin.header("Idempotency-Key", "create-clinic-" + unique());
        Map<String, Object> body = site("Idempotent " + unique(), "Asia/Riyadh", "SAR");

        Api.Response first = keyed.post("/api/v1/clinics", body);
        Api.Response retry = keyed.post("/api/v1/clinics", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.rawBody()).isEqualTo(first.rawBody());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        String id = first.json("id").asString();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void clinicsArePagedWithAStableCursor() {
        for (int i = 0; i < 3; i++) {
            String id = admin.post("/api/v1/clinics", site("Paged " + unique(), "Asia/Riyadh", "SAR"))
                    .json("id")
                    .asString();
            awaitOk(admin, "/api/v1/clinics/" + id);
        }
        List<String> all = ids(admin.get("/api/v1/clinics?limit=200"));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = admin.get("/api/v1/clinics?limit=2" + (cursor == null ? "" : "&after=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json("items").size()).isLessThanOrEqualTo(2);
            paged.addAll(ids(page));
            cursor = page.json("nextCursor").isNull() || page.json("nextCursor").isMissingNode()
                    ? null
                    : page.json("nextCursor").asString();
        } while (cursor != null);

        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(admin.get("/api/v1/clinics?limit=0").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/clinics?limit=201").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/clinics?after=not-a-cursor").status()).isEqualTo(422);
    }

    static List<String> fields(Api.Response problem) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.json("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }

    private static List<String> ids(Api.Response page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.json("items")) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }
}
