package com.clinic.scheduling.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The waiting list over HTTP with real sign-ins: a site, a doctor, an appointment type, a schedule
 * and patients made through the public API, a slot freed by cancelling a real booking, offers
 * arriving in the in-app inbox in each patient's language, answered over HTTP.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitlistHttpTest {

    private static final String PASSWORD = "Patient-Passw0rd!2026";
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private Api api;
    private Api admin;
    private UUID clinicId;
    private UUID branchId;
    private UUID typeId;
    private Api reception;

    record Patient(UUID patientId, Api api, String language) {}

    @BeforeAll
    void aClinicWithReception() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        Api.Response clinic = admin.post("/api/v1/clinics", site("Clinic " + unique()));
        assertThat(clinic.status()).as(clinic.toString()).isEqualTo(201);
        clinicId = UUID.fromString(clinic.json("id").asString());
        awaitOk(admin, "/api/v1/clinics/" + clinicId);
        Api.Response branch = admin.post("/api/v1/clinics/" + clinicId + "/branches", site("Branch " + unique()));
        assertThat(branch.status()).as(branch.toString()).isEqualTo(201);
        branchId = UUID.fromString(branch.json("id").asString());
        awaitOk(admin, "/api/v1/clinics/" + clinicId + "/branches/" + branchId);
        typeId = AvailabilityTestData.newAppointmentType(admin, clinicId, 30, 1);
        reception = api.as(
                Sessions.staff(api, Role.RECEPTIONIST, clinicId, branchId).accessToken());
    }

    // --- joining, seeing one's place, and who sees what --------------------------------------

    @Test
    void aPatientJoinsForThemselvesAndSeesTheirPlaceWhileOthersCannotSeeTheEntry() {
        UUID doctorId = newDoctor();
        Patient amal = newPatient("ar");
        Patient ben = newPatient("en");

        Api.Response joined = amal.api().post("/api/v1/waitlist", join(doctorId, null, null));

        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        String entryId = joined.json("entryId").asString();
        assertThat(joined.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/waitlist/" + entryId));
        assertThat(joined.header("ETag")).contains("\"0\"");
        assertThat(joined.json("status").asString()).isEqualTo("WAITING");
        assertThat(joined.json("urgency").asString()).isEqualTo("ROUTINE");
        assertThat(joined.json("position").asInt())
                .as("alone in the doctor's queue")
                .isEqualTo(1);
        assertThat(joined.json("patientId").asString())
                .isEqualTo(amal.patientId().toString());

        Api.Response mine = awaitOk(amal.api(), "/api/v1/waitlist/" + entryId);
        assertThat(mine.json("position").asInt()).isEqualTo(1);
        assertThat(mine.json("timesOfDay").get(0).path("from").asString()).isEqualTo("08:00:00");
        JsonNode list = amal.api().get("/api/v1/waitlist").json("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("entryId").asString()).isEqualTo(entryId);

        Api.Response stranger = ben.api().get("/api/v1/waitlist/" + entryId);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json("code").asString()).isEqualTo("waitlist.entry-not-found");
        assertThat(ben.api().get("/api/v1/waitlist").json("items")).isEmpty();
        assertThat(reception.get("/api/v1/waitlist?doctorId=" + doctorId).json("items"))
                .extracting(item -> item.path("entryId").asString())
                .containsExactly(entryId);
        Api.Response otherBranch = reception.get("/api/v1/waitlist?branchId=" + UUID.randomUUID());
        assertThat(otherBranch.status()).isEqualTo(403);
    }

    @Test
    void receptionJoinsPatientsWithAnUrgencyAndTheQueueIsRankedUrgencyFirst() {
        UUID doctorId = newDoctor();
        Patient early = newPatient("en");
        Patient late = newPatient("en");
        Patient latest = newPatient("en");

        String routine = joinAsReception(early, doctorId, "ROUTINE");
        String urgent = joinAsReception(late, doctorId, "URGENT");
        Api.Response last = reception.post("/api/v1/waitlist", withPatient(join(doctorId, null, "ROUTINE"), latest));

        assertThat(last.status()).as(last.toString()).isEqualTo(201);
        assertThat(last.json("position").asInt())
                .as("joining answers with the place behind the urgent entry and the earlier routine one")
                .isEqualTo(3);

        assertThat(awaitOk(reception, "/api/v1/waitlist/" + urgent)
                        .json("position")
                        .asInt())
                .isEqualTo(1);
        assertThat(awaitOk(reception, "/api/v1/waitlist/" + routine)
                        .json("position")
                        .asInt())
                .isEqualTo(2);
        JsonNode page = reception
                .get("/api/v1/waitlist?doctorId=" + doctorId + "&limit=1")
                .body();
        assertThat(page.path("items").get(0).path("entryId").asString()).isEqualTo(urgent);
        JsonNode next = reception
                .get("/api/v1/waitlist?doctorId=" + doctorId + "&limit=1&after="
                        + page.path("nextCursor").asString())
                .body();
        assertThat(next.path("items").get(0).path("entryId").asString()).isEqualTo(routine);
        JsonNode third = reception
                .get("/api/v1/waitlist?doctorId=" + doctorId + "&limit=1&after="
                        + next.path("nextCursor").asString())
                .body();
        assertThat(third.path("items").get(0).path("entryId").asString())
                .isEqualTo(last.json("entryId").asString());
        assertThat(third.path("nextCursor").isNull()).isTrue();
    }

    // --- bad input is always a problem, never a 500 ------------------------------------------

    @Test
    void badInputIsAnsweredWithProblems() {
        UUID doctorId = newDoctor();
        Patient patient = newPatient("ar");
        Api self = patient.api();

        Map<String, Object> noBranch = join(doctorId, null, null);
        noBranch.remove("branchId");
        Api.Response missing = self.post("/api/v1/waitlist", noBranch);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json("code").asString()).isEqualTo("validation");
        assertThat(missing.json("errors").get(0).path("field").asString()).isEqualTo("branchId");

        Map<String, Object> both = join(doctorId, null, null);
        both.put("specialty", "cardiology");
        assertProblem(self.post("/api/v1/waitlist", both), 422, "waitlist.doctor-or-specialty");

        Map<String, Object> backwards = join(doctorId, null, null);
        backwards.put("timesOfDay", List.of(Map.of("from", "12:00", "to", "09:00")));
        assertProblem(self.post("/api/v1/waitlist", backwards), 422, "waitlist.time-of-day-invalid");

        Map<String, Object> badDate = join(doctorId, null, null);
        badDate.put("from", "next tuesday");
        Api.Response unreadable = self.post("/api/v1/waitlist", badDate);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json("errors").get(0).path("field").asString()).isEqualTo("from");

        assertProblem(
                self.post("/api/v1/waitlist", join(UUID.randomUUID(), null, null)), 404, "waitlist.doctor-not-found");
        assertProblem(
                self.post("/api/v1/waitlist", join(null, "dermatology", null)),
                422,
                "waitlist.specialty-not-at-branch");
        assertProblem(self.post("/api/v1/waitlist", "{\"doctorId\":"), 400, "malformed-json");
        assertProblem(self.get("/api/v1/waitlist?limit=0"), 422, "page.limit-out-of-range");
        assertProblem(self.get("/api/v1/waitlist?after=bm90LWEtY3Vyc29y"), 422, "page.cursor-invalid");
        assertProblem(self.get("/api/v1/waitlist/not-a-uuid"), 400, "validation");

        Api.Response urgentInArabic =
                self.header("Accept-Language", "ar").post("/api/v1/waitlist", join(doctorId, null, "URGENT"));
        assertProblem(urgentInArabic, 422, "waitlist.urgency-for-staff");
        assertThat(urgentInArabic.json("title").asString()).isEqualTo("درجة الاستعجال يحددها الموظفون");

        Api doctor = api.as(Sessions.staff(api, Role.DOCTOR, clinicId, branchId).accessToken());
        Map<String, Object> forPatient = join(doctorId, null, null);
        forPatient.put("patientId", patient.patientId());
        assertProblem(doctor.post("/api/v1/waitlist", forPatient), 403, "forbidden");
        assertProblem(api.anonymous().get("/api/v1/waitlist"), 401, "unauthorized");
    }

    // --- offers through the inbox -----------------------------------------------------------

    @Test
    void anOfferReachesTheInboxInThePatientsLanguageAndIsDeclinedThenAcceptedByTheNext() {
        UUID doctorId = newDoctor();
        // Working hours before anyone waits: the offer process sees them as new capacity with nobody to offer it to.
        WaitlistWorld.defineSchedule(admin, doctorId, branchId, "08:00", "20:00");
        WaitlistWorld.awaitOfferProcessCaughtUp(context);
        Patient amal = newPatient("ar");
        Patient ben = newPatient("en");
        String amalEntry = joinAsReception(amal, doctorId, "URGENT");
        String benEntry = joinAsReception(ben, doctorId, "ROUTINE");
        awaitOk(reception, "/api/v1/waitlist/" + benEntry);

        LocalDate day = LocalDate.now(RIYADH).plusDays(3);
        cancelBookedSlot(doctorId, day.atTime(10, 0).atZone(RIYADH).toInstant());

        JsonNode offered = awaitStatus(amal.api(), amalEntry, "OFFERED");
        String heldForAmal = offered.path("offer").path("appointmentId").asString();
        JsonNode notice = awaitNotice(amal, "waitlist.offer-made");
        // In her language (not the request's), the date with the time on the branch's clock, its deadline with its
        // date.
        assertThat(notice.path("message").asString())
                .contains(arabicDigits(day.getDayOfMonth() + " "), arabicDigits(day.getYear() + " في ١٠:٠٠"))
                .doesNotContain("{");

        Api.Response declined = amal.api()
                .post("/api/v1/waitlist/" + amalEntry + "/offer/decline", Map.of("appointmentId", heldForAmal));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(204);

        String heldForBen = awaitStatus(ben.api(), benEntry, "OFFERED")
                .path("offer")
                .path("appointmentId")
                .asString();
        assertThat(heldForBen).isNotEqualTo(heldForAmal);
        assertThat(awaitStatus(amal.api(), amalEntry, "WAITING")
                        .path("position")
                        .asInt())
                .isEqualTo(1);
        JsonNode benNotice = awaitNotice(ben, "waitlist.offer-made");
        // In English, the day written out with its time on the branch's clock, and a deadline that carries its date.
        String dayWritten =
                day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH));
        assertThat(benNotice.path("message").asString())
                .startsWith("A slot with ")
                .contains(" on " + dayWritten + " at 10:00 ")
                .containsPattern("before \\w+day, \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}")
                .doesNotContain("{");
        String benNoticeId = benNotice.path("id").asString();
        assertProblem(
                amal.api().post("/api/v1/me/notifications/" + benNoticeId + "/read", null),
                404,
                "notification.not-found");
        assertThat(ben.api()
                        .post("/api/v1/me/notifications/" + benNoticeId + "/read", null)
                        .status())
                .isEqualTo(204);
        assertThat(ben.api().get("/api/v1/me/notifications?unread=true").json("items"))
                .isEmpty();
        assertThat(ben.api()
                        .get("/api/v1/me/notifications")
                        .json("items")
                        .get(0)
                        .path("readAt")
                        .isNull())
                .isFalse();

        Api.Response accepted =
                ben.api().post("/api/v1/waitlist/" + benEntry + "/offer/accept", Map.of("appointmentId", heldForBen));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json("appointmentId").asString()).isEqualTo(heldForBen);
        JsonNode fulfilled = awaitStatus(ben.api(), benEntry, "FULFILLED");
        assertThat(fulfilled.path("appointmentId").asString()).isEqualTo(heldForBen);
        assertThat(fulfilled.path("position").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response appointment = ben.api().get("/api/v1/appointments/" + heldForBen);
            assertThat(appointment.status()).as(appointment.toString()).isEqualTo(200);
            assertThat(appointment.json("status").asString()).isEqualTo("BOOKED");
            assertThat(Instant.parse(appointment.json("start").asString()))
                    .isEqualTo(day.atTime(10, 0).atZone(RIYADH).toInstant());
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(amal.api()
                        .get("/api/v1/appointments/" + heldForAmal)
                        .json("status")
                        .asString())
                .as("the declined offer's hold was released")
                .isEqualTo("CANCELLED"));
        assertProblem(
                amal.api().post("/api/v1/waitlist/" + amalEntry + "/offer/accept", null), 409, "waitlist.no-offer");
    }

    /**
     * The offer is made by a process a moment after the cancellation is answered; a client that asks
     * with {@code Prefer: wait-for=processes} is answered only once the offer can be read. Several
     * rounds, because without the wait the read would still see the offer now and then.
     */
    @Test
    void aCancellationThatWaitsForProcessesIsAnsweredOnceTheOfferCanBeRead() {
        UUID doctorId = newDoctor();
        WaitlistWorld.defineSchedule(admin, doctorId, branchId, "08:00", "20:00");
        WaitlistWorld.awaitOfferProcessCaughtUp(context);
        for (int round = 0; round < 3; round++) {
            Patient waiting = newPatient("en");
            String entry = joinAsReception(waiting, doctorId, "ROUTINE");
            Patient someone = newPatient("en");
            Instant start = LocalDate.now(RIYADH)
                    .plusDays(2 + round)
                    .atTime(9, 0)
                    .atZone(RIYADH)
                    .toInstant();
            Map<String, Object> slot = Map.of(
                    "doctorId", doctorId, "branchId", branchId, "appointmentTypeId", typeId, "start", start.toString());
            Api.Response booked =
                    reception.post("/api/v1/appointments", Map.of("patientId", someone.patientId(), "slot", slot));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

            Api.Response cancelled = reception
                    .header("Prefer", "wait-for=processes")
                    .post(
                            "/api/v1/appointments/"
                                    + booked.json("appointmentId").asString() + "/cancel",
                            Map.of("reason", "DOCTOR_UNAVAILABLE"));

            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
            assertThat(cancelled.header("Preference-Applied")).contains("wait-for=processes");
            JsonNode read = waiting.api().get("/api/v1/waitlist/" + entry).body();
            assertThat(read.path("status").asString()).as(read.toString()).isEqualTo("OFFERED");
            assertThat(Instant.parse(read.path("offer").path("start").asString()))
                    .isEqualTo(start);
            assertThat(waiting.api()
                            .get("/api/v1/me/notifications")
                            .json("items")
                            .get(0)
                            .path("template")
                            .asString())
                    .isEqualTo("waitlist.offer-made");
        }
    }

    @Test
    void aPatientWithdrawsAndStaffOfAnotherBranchCannotTouchTheEntry() {
        UUID doctorId = newDoctor();
        Patient patient = newPatient("en");
        String entryId = patient.api()
                .post("/api/v1/waitlist", join(doctorId, null, null))
                .json("entryId")
                .asString();
        awaitOk(patient.api(), "/api/v1/waitlist/" + entryId);
        Api.Response otherBranch = admin.post("/api/v1/clinics/" + clinicId + "/branches", site("Branch " + unique()));
        UUID otherBranchId = UUID.fromString(otherBranch.json("id").asString());
        Api elsewhere = api.as(
                Sessions.staff(api, Role.RECEPTIONIST, clinicId, otherBranchId).accessToken());

        assertProblem(elsewhere.delete("/api/v1/waitlist/" + entryId), 404, "waitlist.entry-not-found");
        assertThat(patient.api().delete("/api/v1/waitlist/" + entryId).status()).isEqualTo(204);

        JsonNode withdrawn = awaitStatus(patient.api(), entryId, "WITHDRAWN");
        assertThat(withdrawn.path("closedAt").isNull()).isFalse();
        assertThat(patient.api()
                        .post("/api/v1/waitlist/" + entryId + "/withdraw", null)
                        .status())
                .as("withdrawing again changes nothing")
                .isEqualTo(204);
        assertProblem(
                patient.api().post("/api/v1/waitlist/" + entryId + "/offer/decline", null),
                409,
                "waitlist.entry-closed");
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, Object> join(UUID doctorId, String specialty, String urgency) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (doctorId != null) {
            body.put("doctorId", doctorId);
        }
        if (specialty != null) {
            body.put("specialty", specialty);
        }
        body.put("branchId", branchId);
        body.put("appointmentTypeId", typeId);
        body.put("from", LocalDate.now(RIYADH).toString());
        body.put("to", LocalDate.now(RIYADH).plusDays(14).toString());
        body.put("timesOfDay", List.of(Map.of("from", "08:00", "to", "13:00")));
        if (urgency != null) {
            body.put("urgency", urgency);
        }
        return body;
    }

    private static Map<String, Object> withPatient(Map<String, Object> body, Patient patient) {
        body.put("patientId", patient.patientId());
        return body;
    }

    private String joinAsReception(Patient patient, UUID doctorId, String urgency) {
        Api.Response joined = reception.post("/api/v1/waitlist", withPatient(join(doctorId, null, urgency), patient));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return joined.json("entryId").asString();
    }

    /** Reception books the slot for a patient who is not on the list, then cancels it: the slot is free again. */
    private void cancelBookedSlot(UUID doctorId, Instant start) {
        Patient someone = newPatient("en");
        Map<String, Object> slot = Map.of(
                "doctorId", doctorId, "branchId", branchId, "appointmentTypeId", typeId, "start", start.toString());
        Api.Response booked =
                reception.post("/api/v1/appointments", Map.of("patientId", someone.patientId(), "slot", slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String appointmentId = booked.json("appointmentId").asString();
        Api.Response cancelled = reception.post(
                "/api/v1/appointments/" + appointmentId + "/cancel", Map.of("reason", "DOCTOR_UNAVAILABLE"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
    }

    private UUID newDoctor() {
        Sessions.Session account = Sessions.staff(api, Role.DOCTOR, clinicId, branchId);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("nameAr", "د. " + unique());
        profile.put("nameEn", "Dr " + unique());
        profile.put("branchIds", List.of(branchId));
        profile.put("specialties", List.of("cardiology"));
        profile.put("languages", List.of("ar", "en"));
        profile.put("fees", List.of(Map.of("branchId", branchId, "amount", 300.00, "currency", "SAR")));
        profile.put("bioAr", "استشاري");
        profile.put("bioEn", "Consultant");
        Api.Response doctor = admin.post(
                "/api/v1/doctors", Map.of("userId", account.userId(), "clinicId", clinicId, "profile", profile));
        assertThat(doctor.status()).as(doctor.toString()).isEqualTo(201);
        UUID doctorId = UUID.fromString(doctor.json("id").asString());
        awaitOk(admin, "/api/v1/doctors/" + doctorId);
        return doctorId;
    }

    private Patient newPatient(String language) {
        String email = "waiting." + unique() + "@example.com";
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("nameAr", "مريض " + unique());
        patient.put("nameEn", "Patient " + unique());
        patient.put("dateOfBirth", "1990-02-11");
        patient.put("sex", "FEMALE");
        patient.put(
                "nationalId", "1" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999)));
        patient.put("phone", "+96655" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)));
        patient.put("email", email);
        patient.put("preferredLanguage", language);
        patient.put(
                "consents", Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
        // Each from an address of its own: self-registrations are throttled per client, and this class makes many.
        Api.Response registered = api.fromNewAddress()
                .anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("homeBranchId", branchId, "patient", patient, "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        UUID patientId = UUID.fromString(registered.json("patientId").asString());
        Api self = api.as(Sessions.login(api, email, PASSWORD).accessToken());
        awaitOk(self, "/api/v1/patients/me");
        return new Patient(patientId, self, language);
    }

    private static Map<String, Object> site(String nameEn) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("nameAr", "عيادة " + nameEn);
        site.put("nameEn", nameEn);
        site.put("address", "Olaya Street, Riyadh");
        site.put("phone", "+966112345678");
        site.put("timeZone", RIYADH.getId());
        site.put("currency", "SAR");
        site.put("workingDays", List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        return site;
    }

    private static JsonNode awaitStatus(Api api, String entryId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = api.get("/api/v1/waitlist/" + entryId).body();
            assertThat(last[0].path("status").asString()).isEqualTo(status);
        });
        return last[0];
    }

    private static String arabicDigits(String latin) {
        StringBuilder arabic = new StringBuilder();
        latin.chars().forEach(c -> arabic.append(c >= '0' && c <= '9' ? (char) ('٠' + c - '0') : (char) c));
        return arabic.toString();
    }

    /** The newest in-app notice once the dispatcher has put it in the patient's inbox. */
    private static JsonNode awaitNotice(Patient patient, String template) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response inbox = patient.api().header("Accept-Language", "en").get("/api/v1/me/notifications");
            assertThat(inbox.header("Content-Language")).contains(patient.language());
            last[0] = inbox.json("items").get(0);
            assertThat(last[0]).isNotNull();
            assertThat(last[0].path("template").asString()).isEqualTo(template);
        });
        return last[0];
    }

    private static Api.Response awaitOk(Api api, String path) {
        Api.Response[] last = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            last[0] = api.get(path);
            assertThat(last[0].status()).as(last[0].toString()).isEqualTo(200);
        });
        return last[0];
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json("code").asString()).as(response.toString()).isEqualTo(code);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
