package com.clinic.scheduling.appointment;

import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Booking over HTTP: holds, confirmation, races, retries, the desk's day, and who may do what. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Api admin;
    AvailabilityTestData.Site site;
    AvailabilityTestData.Doctor doctor;
    Api reception;
    UUID typeId;

    @BeforeAll
    void setUp() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        site = newSite(admin, "Asia/Riyadh");
        doctor = newDoctor(api, admin, site, "dermatology");
        typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        Api.Response schedule = admin.header("If-None-Match", "*")
                .put(schedulePath(doctor.doctorId(), site.branchId()), everyDay("08:00", "20:00"));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
    }

    /** Free slots of the doctor over the next days, earliest first. */
    private List<JsonNode> freeSlots(Api caller) {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        Api.Response slots = caller.get("/api/v1/slots?doctorId=" + doctor.doctorId() + "&branchId=" + site.branchId()
                + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(5) + "&limit=200");
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        slots.body().path("items").forEach(items::add);
        return items;
    }

    private static Map<String, Object> slot(UUID doctorId, UUID branchId, UUID typeId, String startUtc) {
        return Map.of("doctorId", doctorId, "branchId", branchId, "appointmentTypeId", typeId, "start", startUtc);
    }

    private Map<String, Object> slotAt(JsonNode free) {
        return slot(
                doctor.doctorId(),
                site.branchId(),
                typeId,
                free.path("startUtc").asString());
    }

    private static UUID patientIdOf(Api patient) {
        Api.Response me = patient.get("/api/v1/patients/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return UUID.fromString(me.json("id").asString());
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.rawBody()).doesNotContain("Exception").doesNotContain("at com.");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertProblem(response, status);
        assertThat(response.json("code").asString()).as(response.toString()).isEqualTo(code);
    }

    private AvailabilityTestData.Doctor secondDoctorWithTheSameHours() {
        AvailabilityTestData.Doctor other = newDoctor(api, admin, site, "dermatology");
        Api.Response schedule = admin.header("If-None-Match", "*")
                .put(schedulePath(other.doctorId(), site.branchId()), everyDay("08:00", "20:00"));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        return other;
    }

    @Test
    void aPatientHoldsASlotConfirmsItAndTheSlotLeavesSearch() {
        Api patient = newPatient(api, site.branchId());
        JsonNode chosen = freeSlots(patient).get(3);

        Api.Response held = patient.post("/api/v1/appointments/holds", Map.of("slot", slotAt(chosen)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String id = held.json("appointmentId").asString();
        assertThat(patient.get("/api/v1/appointments/" + id).json("status").asString())
                .isEqualTo("HELD");
        assertThat(freeSlots(patient)).noneMatch(s -> s.path("startUtc").equals(chosen.path("startUtc")));

        assertThat(patient.post("/api/v1/appointments/" + id + "/confirm", Map.of())
                        .status())
                .isEqualTo(204);

        Api.Response booked = patient.get("/api/v1/appointments/" + id);
        assertThat(booked.json("status").asString()).isEqualTo("BOOKED");
        assertThat(booked.header("ETag")).isPresent();
        assertThat(patient.get("/api/v1/me/appointments").body().path("items").toString())
                .contains(id);
    }

    @Test
    void ofTwentyPatientsRacingForOneSlotOverHttpExactlyOneWinsAndTheOthersGet409() throws Exception {
        List<Api> patients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            patients.add(newPatient(api, site.branchId()));
        }
        Map<String, Object> contested = slotAt(freeSlots(admin).get(10));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Api patient : patients) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return patient.post("/api/v1/appointments", Map.of("slot", contested))
                            .status();
                }));
            }
            start.countDown();
            List<Integer> outcomes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                outcomes.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(status -> status == 201).hasSize(1);
            assertThat(outcomes).filteredOn(status -> status == 409).hasSize(19);
        }
    }

    @Test
    void aRetriedBookingWithTheSameIdempotencyKeyReturnsTheSameAppointmentAndBooksOnce() {
        UUID patientId = patientIdOf(newPatient(api, site.branchId()));
        Map<String, Object> body = Map.of(
                "patientId", patientId, "slot", slotAt(freeSlots(reception).get(20)));
        Api keyed = reception.header("Idempotency-Key", "booking-" + UUID.randomUUID());

        Api.Response first = keyed.post("/api/v1/appointments", body);
        Api.Response retry = keyed.post("/api/v1/appointments", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json("appointmentId")).isEqualTo(first.json("appointmentId"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%AppointmentBooked'",
                        Integer.class, first.json("appointmentId").asString()))
                .isEqualTo(1);
    }

    @Test
    void theDeskBooksChecksInAndTheDoctorSeesTheConsultationThroughOnTheAgenda() {
        UUID patientId = patientIdOf(newPatient(api, site.branchId()));
        JsonNode free = freeSlots(reception).get(30);
        Api.Response booked =
                reception.post("/api/v1/appointments", Map.of("patientId", patientId, "slot", slotAt(free)));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.json("appointmentId").asString();
        Api doctorApi = api.as(doctor.account().accessToken());

        String day = free.path("startLocal").asString().substring(0, 10);
        Api.Response agenda = doctorApi.get(
                "/api/v1/doctors/" + doctor.doctorId() + "/agenda?branchId=" + site.branchId() + "&date=" + day);
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        assertThat(agenda.body().path("items").toString()).contains(id);

        // Check-in opens on the day of the appointment; days ahead it is refused as a rule, not an error.
        assertProblem(reception.post("/api/v1/appointments/" + id + "/check-in", Map.of()), 422);
        assertProblem(doctorApi.post("/api/v1/appointments/" + id + "/start", Map.of()), 409);
        Api.Response calendar =
                reception.get("/api/v1/branches/" + site.branchId() + "/calendar?from=" + day + "&to=" + day);
        assertThat(calendar.body().path("items").toString()).contains(id);
    }

    @Test
    void cancellingWithAStaleETagIsRefusedWith412AndACurrentOneCancels() {
        Api patient = newPatient(api, site.branchId());
        String id = patient.post(
                        "/api/v1/appointments",
                        Map.of("slot", slotAt(freeSlots(patient).get(40))))
                .json("appointmentId")
                .asString();
        String etag = patient.get("/api/v1/appointments/" + id).header("ETag").orElseThrow();
        Map<String, Object> cancel = Map.of("reason", "PATIENT_REQUEST", "note", "travelling");

        assertProblem(patient.header("If-Match", "\"7\"").post("/api/v1/appointments/" + id + "/cancel", cancel), 412);
        assertThat(patient.header("If-Match", etag)
                        .post("/api/v1/appointments/" + id + "/cancel", cancel)
                        .status())
                .isEqualTo(204);
        assertThat(patient.get("/api/v1/appointments/" + id).json("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void eachRoleReachesOnlyWhatItMay() {
        Api owner = newPatient(api, site.branchId());
        Api stranger = newPatient(api, site.branchId());
        String id = owner.post(
                        "/api/v1/appointments",
                        Map.of("slot", slotAt(freeSlots(owner).get(50))))
                .json("appointmentId")
                .asString();
        AvailabilityTestData.Site otherSite = newSite(admin, "Asia/Riyadh");
        Api otherReception = api.as(Sessions.staff(api, Role.RECEPTIONIST, otherSite.clinicId(), otherSite.branchId())
                .accessToken());
        Api auditor = api.as(Sessions.staff(api, Role.AUDITOR, null, null).accessToken());

        assertThat(owner.get("/api/v1/appointments/" + id).status()).isEqualTo(200);
        assertThat(reception.get("/api/v1/appointments/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/appointments/" + id).status()).isEqualTo(200);
        assertProblem(stranger.get("/api/v1/appointments/" + id), 404);
        assertProblem(otherReception.get("/api/v1/appointments/" + id), 404);
        assertProblem(stranger.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "OTHER")), 404);
        assertProblem(auditor.get("/api/v1/appointments/" + id), 403);
        assertProblem(
                auditor.post(
                        "/api/v1/appointments",
                        Map.of("slot", slotAt(freeSlots(admin).get(60)))),
                403);
        assertProblem(owner.post("/api/v1/appointments/" + id + "/check-in", Map.of()), 403);
        assertProblem(
                api.as(doctor.account().accessToken()).post("/api/v1/appointments/" + id + "/no-show", Map.of()), 403);
        assertProblem(api.get("/api/v1/appointments/" + id), 401);
    }

    @Test
    void badInputGetsAProblemListingTheFieldNeverA500() {
        Api patient = newPatient(api, site.branchId());

        Api.Response missing = patient.post("/api/v1/appointments", Map.of());
        assertProblem(missing, 400);
        assertThat(missing.body().path("errors").toString()).contains("slot");
        assertProblem(patient.post("/api/v1/appointments", "{\"slot\": {\"doctorId\": 12"), 400);
        assertProblem(
                patient.post(
                        "/api/v1/appointments",
                        Map.of(
                                "slot",
                                Map.of(
                                        "doctorId",
                                        "x",
                                        "branchId",
                                        site.branchId(),
                                        "appointmentTypeId",
                                        typeId,
                                        "start",
                                        "tomorrow"))),
                400);
        assertProblem(
                patient.post("/api/v1/appointments/" + UUID.randomUUID() + "/cancel", Map.of("reason", "BORED")), 400);
        assertProblem(
                patient.post(
                        "/api/v1/appointments",
                        Map.of("slot", slot(doctor.doctorId(), site.branchId(), typeId, "2020-01-01T08:00:00Z"))),
                409);
        assertProblem(patient.get("/api/v1/me/appointments?limit=0"), 422);
        assertProblem(patient.get("/api/v1/me/appointments?after=garbage"), 422);
    }

    @Test
    void aWeeklySeriesIsBookedAllOrNothing() {
        UUID patientId = patientIdOf(newPatient(api, site.branchId()));
        List<JsonNode> free = freeSlots(reception);
        JsonNode first = free.get(70);

        Api.Response series = reception.post(
                "/api/v1/appointments/series",
                Map.of("patientId", patientId, "first", slotAt(first), "occurrences", 3));
        assertThat(series.status()).as(series.toString()).isEqualTo(201);
        assertThat(series.body().path("appointmentIds")).hasSize(3);

        // Another series whose third week is already taken: weeks one and two were claimed, then rolled back.
        JsonNode other = free.get(90);
        String thirdWeek = java.time.Instant.parse(other.path("startUtc").asString())
                .plus(java.time.Duration.ofDays(14))
                .toString();
        UUID blocker = patientIdOf(newPatient(api, site.branchId()));
        assertThat(reception
                        .post(
                                "/api/v1/appointments",
                                Map.of(
                                        "patientId",
                                        blocker,
                                        "slot",
                                        slot(doctor.doctorId(), site.branchId(), typeId, thirdWeek)))
                        .status())
                .isEqualTo(201);
        UUID otherPatient = patientIdOf(newPatient(api, site.branchId()));
        int before = jdbc.queryForObject(
                "select count(*) from slot_claim where doctor_id = ?", Integer.class, doctor.doctorId());

        assertProblem(
                reception.post(
                        "/api/v1/appointments/series",
                        Map.of("patientId", otherPatient, "first", slotAt(other), "occurrences", 3)),
                409);

        assertThat(jdbc.queryForObject(
                        "select count(*) from slot_claim where doctor_id = ?", Integer.class, doctor.doctorId()))
                .isEqualTo(before);
        assertThat(freeSlots(reception)).anyMatch(s -> s.path("startUtc").equals(other.path("startUtc")));
    }

    @Test
    void aPatientCannotBeWithTwoDoctorsAtOnceAndCancellingOrReschedulingFreesThem() {
        AvailabilityTestData.Doctor other = secondDoctorWithTheSameHours();
        Api patient = newPatient(api, site.branchId());
        UUID patientId = patientIdOf(patient);
        List<JsonNode> free = freeSlots(patient);
        String first = free.get(75).path("startUtc").asString();
        String second = free.get(80).path("startUtc").asString();
        Map<String, Object> firstWithOther = slot(other.doctorId(), site.branchId(), typeId, first);
        Map<String, Object> secondWithOther = slot(other.doctorId(), site.branchId(), typeId, second);

        Api.Response booked = patient.post(
                "/api/v1/appointments", Map.of("slot", slot(doctor.doctorId(), site.branchId(), typeId, first)));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.json("appointmentId").asString();

        // The other doctor is free then, the patient is not: by themself, at the desk, or as a hold.
        assertProblem(
                patient.post("/api/v1/appointments", Map.of("slot", firstWithOther)), 409, "appointment.patient-busy");
        assertProblem(
                reception.post("/api/v1/appointments", Map.of("patientId", patientId, "slot", firstWithOther)),
                409,
                "appointment.patient-busy");
        assertProblem(
                patient.post("/api/v1/appointments/holds", Map.of("slot", firstWithOther)),
                409,
                "appointment.patient-busy");
        // Someone else may of course see the other doctor then.
        assertThat(newPatient(api, site.branchId())
                        .post("/api/v1/appointments", Map.of("slot", firstWithOther))
                        .status())
                .isEqualTo(201);

        // Moving the appointment frees the old time and claims the new one for the patient.
        Api.Response moved = patient.post(
                "/api/v1/appointments/" + id + "/reschedule",
                Map.of("slot", slot(doctor.doctorId(), site.branchId(), typeId, second)));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
        assertProblem(
                patient.post("/api/v1/appointments", Map.of("slot", secondWithOther)), 409, "appointment.patient-busy");

        // Cancelling frees it.
        assertThat(patient.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "PATIENT_REQUEST"))
                        .status())
                .isEqualTo(204);
        Api.Response afterCancel = patient.post("/api/v1/appointments", Map.of("slot", secondWithOther));
        assertThat(afterCancel.status()).as(afterCancel.toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patient_claim where patient_id = ?", Integer.class, patientId))
                .isEqualTo(1);
    }

    @Test
    void ofTwoRacingBookingsOfOnePatientWithTwoDoctorsAtOnceExactlyOneWins() throws Exception {
        AvailabilityTestData.Doctor other = secondDoctorWithTheSameHours();
        Api patient = newPatient(api, site.branchId());
        String start = freeSlots(patient).get(85).path("startUtc").asString();
        List<Map<String, Object>> slots = List.of(
                slot(doctor.doctorId(), site.branchId(), typeId, start),
                slot(other.doctorId(), site.branchId(), typeId, start));
        for (int round = 0; round < 5; round++) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> responses = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Map<String, Object> contested : slots) {
                    responses.add(pool.submit(() -> {
                        go.await();
                        return patient.post("/api/v1/appointments", Map.of("slot", contested));
                    }));
                }
                go.countDown();
                List<Api.Response> outcomes = new ArrayList<>();
                for (Future<Api.Response> response : responses) {
                    outcomes.add(response.get(60, TimeUnit.SECONDS));
                }
                assertThat(outcomes).filteredOn(r -> r.status() == 201).hasSize(1);
                assertThat(outcomes)
                        .filteredOn(r -> r.status() == 409)
                        .singleElement()
                        .satisfies(r -> assertThat(r.json("code").asString()).isEqualTo("appointment.patient-busy"));
                String winner = outcomes.stream()
                        .filter(r -> r.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .json("appointmentId")
                        .asString();
                assertThat(patient.post("/api/v1/appointments/" + winner + "/cancel", Map.of("reason", "OTHER"))
                                .status())
                        .isEqualTo(204);
            }
        }
    }

    @Test
    void aStartOffTheSlotGridIsA422WhileATakenSlotIsA409() {
        Api patient = newPatient(api, site.branchId());
        JsonNode free = freeSlots(patient).get(95);
        java.time.Instant start = java.time.Instant.parse(free.path("startUtc").asString());
        assertThat(newPatient(api, site.branchId())
                        .post("/api/v1/appointments", Map.of("slot", slotAt(free)))
                        .status())
                .isEqualTo(201);

        assertProblem(
                patient.post("/api/v1/appointments", Map.of("slot", slotAt(free))),
                409,
                "appointment.slot-unavailable");
        // Ten minutes into a 30-minute grid, and 02:00 in Riyadh while the doctor works 08:00-20:00.
        String between = start.plus(java.time.Duration.ofMinutes(10)).toString();
        String night = java.time.LocalDate.parse(
                        free.path("startLocal").asString().substring(0, 10))
                .atTime(2, 0)
                .atZone(java.time.ZoneId.of("Asia/Riyadh"))
                .toInstant()
                .toString();
        for (String offGrid : List.of(between, night)) {
            Map<String, Object> chosen = slot(doctor.doctorId(), site.branchId(), typeId, offGrid);
            assertProblem(patient.post("/api/v1/appointments", Map.of("slot", chosen)), 422, "appointment.off-grid");
            assertProblem(
                    patient.post("/api/v1/appointments/holds", Map.of("slot", chosen)), 422, "appointment.off-grid");
        }
    }

    @Test
    void slotsOfATypeWithABufferTileTheDaySoTheSlotAfterABookingIsStillBookable() {
        Map<String, Object> buffered = AvailabilityTestData.appointmentType(site.clinicId(), 20, 1);
        buffered.put("bufferAfterMinutes", 5);
        Api.Response created = admin.post("/api/v1/appointment-types", buffered);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json("slotIntervalMinutes").asInt()).isEqualTo(25);
        UUID bufferedType = UUID.fromString(created.json("appointmentTypeId").asString());
        AvailabilityTestData.awaitOk(admin, "/api/v1/appointment-types/" + bufferedType);
        AvailabilityTestData.Doctor other = secondDoctorWithTheSameHours();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String slotsOfTheDay = "/api/v1/slots?doctorId=" + other.doctorId() + "&branchId=" + site.branchId()
                + "&appointmentTypeId=" + bufferedType + "&from=" + day + "&to=" + day + "&limit=5";

        List<String> before = new ArrayList<>();
        admin.get(slotsOfTheDay)
                .body()
                .path("items")
                .forEach(item -> before.add(item.path("startLocal").asString()));
        assertThat(before)
                .extracting(local -> local.substring(11, 16))
                .containsExactly("08:00", "08:25", "08:50", "09:15", "09:40");

        Api patient = newPatient(api, site.branchId());
        for (String local : before.subList(0, 2)) {
            String utc = java.time.LocalDateTime.parse(local)
                    .atZone(java.time.ZoneId.of("Asia/Riyadh"))
                    .toInstant()
                    .toString();
            UUID someone = patientIdOf(newPatient(api, site.branchId()));
            Api.Response booked = reception.post(
                    "/api/v1/appointments",
                    Map.of("patientId", someone, "slot", slot(other.doctorId(), site.branchId(), bufferedType, utc)));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        }
        List<String> after = new ArrayList<>();
        patient.get(slotsOfTheDay)
                .body()
                .path("items")
                .forEach(item -> after.add(item.path("startLocal").asString()));
        assertThat(after).first().satisfies(local -> assertThat(local.substring(11, 16))
                .isEqualTo("08:50"));

        // A clinic may choose another interval (validated like the other minutes), and it is shown.
        Map<String, Object> denser = AvailabilityTestData.appointmentType(site.clinicId(), 20, 1);
        denser.put("bufferAfterMinutes", 5);
        denser.put("slotIntervalMinutes", 15);
        Api.Response explicit = admin.post("/api/v1/appointment-types", denser);
        assertThat(explicit.status()).as(explicit.toString()).isEqualTo(201);
        assertThat(explicit.json("slotIntervalMinutes").asInt()).isEqualTo(15);
        denser.put("slotIntervalMinutes", 0);
        assertProblem(admin.post("/api/v1/appointment-types", denser), 400);
    }
}
