package com.clinic.scheduling.availability;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.awaitSchedule;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Schedules, holidays, appointment types and slot search over HTTP: ETags, preconditions, problems. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityHttpTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @LocalServerPort
    int port;

    Api api;
    Api admin;
    AvailabilityTestData.Site site;
    AvailabilityTestData.Doctor doctor;
    UUID typeId;

    @BeforeAll
    void setUp() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        site = newSite(admin, "Asia/Riyadh");
        doctor = newDoctor(api, admin, site, "cardiology");
        typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
    }

    private String schedule() {
        return schedulePath(doctor.doctorId(), site.branchId());
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        if (code != null) {
            assertThat(response.json("code").asString()).as(response.toString()).isEqualTo(code);
        }
        assertThat(response.rawBody()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aScheduleIsCreatedReadChangedWithETagsAndGetsItsExceptions() {
        AvailabilityTestData.Doctor fresh = newDoctor(api, admin, site, "cardiology");
        String path = schedulePath(fresh.doctorId(), site.branchId());

        assertProblem(admin.put(path, everyDay("09:00", "12:00")), 428, "precondition-required");
        Api.Response created = admin.header("If-None-Match", "*").put(path, everyDay("09:00", "12:00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertProblem(admin.header("If-None-Match", "*").put(path, everyDay("10:00", "12:00")), 412, "stale-version");

        Api.Response read = awaitSchedule(admin, path, "\"0\"");
        JsonNode pattern = read.json("workingHours").get(0);
        assertThat(pattern.path("intervals")).hasSize(7);
        assertThat(pattern.path("intervals").get(0).path("day").asString()).isEqualTo("MONDAY");
        assertThat(pattern.path("intervals").get(0).path("start").asString()).isEqualTo("09:00:00");
        assertThat(pattern.path("effectiveTo").isNull()).isTrue();

        assertProblem(admin.header("If-Match", "\"7\"").put(path, everyDay("10:00", "12:00")), 412, "stale-version");
        Api.Response changed = admin.header("If-Match", "\"0\"").put(path, everyDay("10:00", "12:00"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(changed.header("ETag")).contains("\"1\"");

        LocalDate day = LocalDate.now(RIYADH).plusDays(20);
        Api.Response timeOff =
                admin.post(path + "/time-off", Map.of("start", day + "T10:00:00", "end", day + "T11:00:00"));
        assertThat(timeOff.status()).as(timeOff.toString()).isEqualTo(201);
        assertThat(timeOff.header("ETag")).contains("\"2\"");
        String timeOffId = timeOff.json("id").asString();
        assertThat(timeOff.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(path + "/time-off/" + timeOffId));
        Api.Response extra = admin.header("If-Match", "\"2\"")
                .post(path + "/extra-sessions", Map.of("start", day + "T18:00:00", "end", day + "T20:00:00"));
        assertThat(extra.status()).as(extra.toString()).isEqualTo(201);

        Api.Response withExceptions = awaitSchedule(admin, path, "\"3\"");
        assertThat(withExceptions.json("timeOff").get(0).path("id").asString()).isEqualTo(timeOffId);
        assertThat(withExceptions.json("extraSessions").get(0).path("start").asString())
                .isEqualTo(day + "T18:00:00");

        assertThat(admin.delete(path + "/time-off/" + timeOffId).status()).isEqualTo(204);
        assertProblem(admin.delete(path + "/time-off/" + timeOffId), 404, "schedule.time-off-not-found");
        assertProblem(admin.delete(path + "/extra-sessions/" + extra.json("id").asString() + "x"), 400, "validation");
        assertThat(admin.header("If-Match", "\"4\"")
                        .delete(path + "/extra-sessions/" + extra.json("id").asString())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void slotsComeInUtcAndInTheBranchsWallClockWithZoneOffsetAndPlaces() {
        Api.Response created = admin.header("If-None-Match", "*").put(schedule(), everyDay("09:00", "10:00"));
        assertThat(created.status()).as(created.toString()).isIn(201, 412);
        awaitOk(admin, schedule());
        LocalDate day = LocalDate.now(RIYADH).plusDays(9);

        Api.Response slots = admin.get("/api/v1/slots?doctorId=" + doctor.doctorId() + "&branchId=" + site.branchId()
                + "&appointmentTypeId=" + typeId + "&from=" + day + "&to=" + day);

        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        JsonNode first = slots.json("items").get(0);
        assertThat(slots.json("items")).hasSize(2);
        assertThat(first.path("doctorId").asString())
                .isEqualTo(doctor.doctorId().toString());
        assertThat(first.path("branchId").asString()).isEqualTo(site.branchId().toString());
        assertThat(first.path("startUtc").asString()).isEqualTo(day + "T06:00:00Z");
        assertThat(first.path("endUtc").asString()).isEqualTo(day + "T06:30:00Z");
        assertThat(first.path("startLocal").asString()).isEqualTo(day + "T09:00:00");
        assertThat(first.path("endLocal").asString()).isEqualTo(day + "T09:30:00");
        assertThat(first.path("zone").asString()).isEqualTo("Asia/Riyadh");
        assertThat(first.path("utcOffset").asString()).isEqualTo("+03:00");
        assertThat(first.path("remainingCapacity").asInt()).isEqualTo(1);

        Api.Response bySpecialty = admin.get("/api/v1/slots?specialty=cardiology&branchId=" + site.branchId()
                + "&appointmentTypeId=" + typeId + "&from=" + day + "&to=" + day + "&limit=1");
        assertThat(bySpecialty.status()).as(bySpecialty.toString()).isEqualTo(200);
        assertThat(bySpecialty.json("items")).hasSize(1);
    }

    @Test
    void holidaysAreDeclaredListedAndCancelled() {
        LocalDate day = LocalDate.now(RIYADH).plusDays(40);
        String holidays = "/api/v1/branches/" + site.branchId() + "/holidays";
        Api.Response declared = admin.post(holidays, Map.of("date", day.toString(), "nameAr", "عيد", "nameEn", "Eid"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertProblem(
                admin.post(holidays, Map.of("date", day.toString(), "nameAr", "آخر", "nameEn", "Other")),
                409,
                "calendar.holiday-exists");

        String range = holidays + "?from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(admin.get(range).json("items")).hasSize(1));
        assertThat(admin.get(range).json("items").get(0).path("nameEn").asString())
                .isEqualTo("Eid");

        assertThat(admin.delete(holidays + "/" + day).status()).isEqualTo(204);
        assertProblem(admin.delete(holidays + "/" + day), 404, "calendar.holiday-not-found");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(admin.get(range).json("items")).isEmpty());
    }

    @Test
    void appointmentTypesAreCreatedChangedWithIfMatchAndDeactivated() {
        Map<String, Object> request = AvailabilityTestData.appointmentType(site.clinicId(), 20, 2);
        Api.Response created = admin.post("/api/v1/appointment-types", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(created.json("durationMinutes").asInt()).isEqualTo(20);
        assertThat(created.json("capacity").asInt()).isEqualTo(2);
        assertThat(created.json("price").decimalValue()).isEqualByComparingTo("150.00");
        String path =
                "/api/v1/appointment-types/" + created.json("appointmentTypeId").asString();
        awaitOk(admin, path);

        Map<String, Object> changed = new java.util.HashMap<>(request);
        changed.put("durationMinutes", 25);
        assertProblem(admin.put(path, changed), 428, "precondition-required");
        assertProblem(admin.header("If-Match", "\"3\"").put(path, changed), 412, "stale-version");
        Api.Response updated = admin.header("If-Match", "\"0\"").put(path, changed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        assertThat(updated.header("ETag")).contains("\"1\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        admin.get(path).json("durationMinutes").asInt())
                .isEqualTo(25));

        assertThat(admin.post(path + "/deactivate", null).status()).isEqualTo(204);
        String list = "/api/v1/appointment-types?clinicId=" + site.clinicId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(list)
                        .json("items")
                        .valueStream()
                        .map(type -> type.path("appointmentTypeId").asString())
                        .toList())
                .doesNotContain(path.substring(path.lastIndexOf('/') + 1)));
        assertThat(admin.get(list + "&includeInactive=true").rawBody())
                .contains(path.substring(path.lastIndexOf('/') + 1));
        assertProblem(admin.header("If-Match", "\"2\"").put(path, changed), 409, "appointment-type.inactive");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        String path = schedule();
        Map<String, Object> inverted = Map.of(
                "workingHours",
                List.of(Map.of(
                        "effectiveFrom",
                        "2027-01-01",
                        "intervals",
                        List.of(Map.of("day", "MONDAY", "start", "12:00", "end", "09:00")))));
        assertProblem(admin.header("If-Match", "*").put(path, inverted), 422, "schedule.interval-empty");
        Map<String, Object> overlapping = Map.of(
                "workingHours",
                List.of(
                        Map.of("effectiveFrom", "2027-01-01", "intervals", List.of()),
                        Map.of("effectiveFrom", "2027-06-01", "intervals", List.of())));
        assertProblem(admin.header("If-Match", "*").put(path, overlapping), 422, "schedule.periods-overlap");
        Map<String, Object> backwards = Map.of(
                "workingHours",
                List.of(Map.of("effectiveFrom", "2027-06-01", "effectiveTo", "2027-01-01", "intervals", List.of())));
        assertProblem(admin.header("If-Match", "*").put(path, backwards), 422, "schedule.effective-range-inverted");
        Map<String, Object> badDay = Map.of(
                "workingHours",
                List.of(Map.of(
                        "effectiveFrom",
                        "2027-01-01",
                        "intervals",
                        List.of(Map.of("day", "FUNDAY", "start", "09:00", "end", "12:00")))));
        assertProblem(admin.header("If-Match", "*").put(path, badDay), 400, "validation");
        Map<String, Object> badDate =
                Map.of("workingHours", List.of(Map.of("effectiveFrom", "2027-02-30", "intervals", List.of())));
        assertProblem(admin.header("If-Match", "*").put(path, badDate), 400, "validation");
        assertProblem(admin.header("If-Match", "*").put(path, "{\"workingHours\": ["), 400, "malformed-json");
        assertProblem(admin.header("If-Match", "v1").put(path, everyDay("09:00", "10:00")), 422, "etag.malformed");
        assertProblem(
                admin.post(path + "/time-off", Map.of("start", "2027-01-02T10:00:00", "end", "2027-01-01T10:00:00")),
                422,
                "schedule.period-empty");
        assertProblem(
                admin.post(path + "/time-off", Map.of("start", "2027-01-02T25:00:00", "end", "2027-01-03T10:00:00")),
                400,
                "validation");
        assertProblem(
                admin.put(schedulePath(doctor.doctorId(), UUID.randomUUID()), everyDay("09:00", "10:00")),
                428,
                "precondition-required");
        assertProblem(
                admin.header("If-Match", "*")
                        .put(schedulePath(doctor.doctorId(), UUID.randomUUID()), everyDay("09:00", "10:00")),
                404,
                "branch.not-found");
        assertProblem(
                admin.header("If-Match", "*")
                        .put(schedulePath(UUID.randomUUID(), site.branchId()), everyDay("09:00", "10:00")),
                422,
                "schedule.doctor-not-at-branch");

        String slots = "/api/v1/slots?doctorId=" + doctor.doctorId() + "&appointmentTypeId=" + typeId;
        assertProblem(admin.get(slots + "&from=2027-03-10&to=2027-03-01"), 422, "slots.range-invalid");
        assertProblem(admin.get(slots + "&from=2027-01-01&to=2027-06-01"), 422, "slots.range-invalid");
        assertProblem(admin.get(slots + "&from=2027-02-30&to=2027-03-01"), 400, "validation");
        assertProblem(admin.get(slots + "&from=2027-03-01&to=2027-03-02&limit=0"), 422, "page.limit-out-of-range");
        assertProblem(admin.get(slots + "&from=2027-03-01"), 400, "bad-request");
        assertProblem(
                admin.get("/api/v1/slots?appointmentTypeId=" + typeId + "&from=2027-03-01&to=2027-03-02"),
                422,
                "slots.doctor-or-specialty-and-branch");
        assertProblem(
                admin.get("/api/v1/slots?specialty=Heart%20Surgery!&branchId=" + site.branchId() + "&appointmentTypeId="
                        + typeId + "&from=2027-03-01&to=2027-03-02"),
                422,
                "slots.specialty-invalid");
        assertProblem(
                admin.get("/api/v1/slots?doctorId=" + doctor.doctorId() + "&appointmentTypeId=" + UUID.randomUUID()
                        + "&from=2027-03-01&to=2027-03-02"),
                404,
                "appointment-type.not-found");
        assertProblem(
                admin.get("/api/v1/slots?doctorId=not-a-uuid&appointmentTypeId=" + typeId
                        + "&from=2027-03-01&to=2027-03-02"),
                400,
                "validation");

        Map<String, Object> type =
                new java.util.HashMap<>(AvailabilityTestData.appointmentType(site.clinicId(), 30, 1));
        type.put("currency", "XYZ");
        assertProblem(admin.post("/api/v1/appointment-types", type), 422, "appointment-type.currency-invalid");
        type.put("currency", "SAR");
        type.put("price", 10.005);
        assertProblem(admin.post("/api/v1/appointment-types", type), 422, "appointment-type.price-invalid");
        type.put("price", 10);
        type.put("durationMinutes", 0);
        assertProblem(admin.post("/api/v1/appointment-types", type), 400, "validation");
        type.put("durationMinutes", 30);
        type.put("minimumNoticeMinutes", 525_600);
        type.put("horizonDays", 30);
        assertProblem(admin.post("/api/v1/appointment-types", type), 422, "appointment-type.horizon-before-notice");
        type.put("minimumNoticeMinutes", 0);
        type.put("clinicId", UUID.randomUUID());
        assertProblem(admin.post("/api/v1/appointment-types", type), 404, "clinic.not-found");

        String holidays = "/api/v1/branches/" + site.branchId() + "/holidays";
        assertProblem(admin.get(holidays + "?from=2027-03-10&to=2027-03-01"), 422, "holidays.range-invalid");
        assertProblem(
                admin.post(holidays, Map.of("date", "2027-13-01", "nameAr", "x", "nameEn", "x")), 400, "validation");
        assertProblem(
                admin.post(holidays, Map.of("date", "2027-12-01", "nameAr", " ", "nameEn", "x")), 400, "validation");
        assertProblem(admin.delete(holidays + "/not-a-date"), 400, "validation");
    }

    @Test
    void problemsAreLocalizedInArabic() {
        Api.Response problem = admin.header("Accept-Language", "ar")
                .get("/api/v1/slots?appointmentTypeId=" + typeId + "&from=2027-03-01&to=2027-03-02");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.json("title").asString()).isEqualTo("الطبيب أو التخصص مطلوب");
    }
}
