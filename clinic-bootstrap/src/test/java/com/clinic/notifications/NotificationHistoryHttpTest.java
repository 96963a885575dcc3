package com.clinic.notifications;

import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData.Site;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What a patient was told, over HTTP: the patient and the staff who may open the patient's record
 * read it with every attempt, anyone else is told the patient does not exist; a clinic's manager
 * (and administrators) see its counts and dead letters and send a dead letter again.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationHistoryHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    private Api api;
    private Api admin;
    private GivenNotifications given;
    private Site site;
    private Site otherSite;
    private Api patient;
    private UUID patientId;
    private UUID patientUserId;
    private Api reception;
    private Api manager;
    private Api otherReception;
    private Api otherManager;
    private Api auditor;

    @BeforeAll
    void twoClinics() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        given = new GivenNotifications(context);
        site = newSite(admin, "Asia/Riyadh");
        otherSite = newSite(admin, "Asia/Riyadh");
        patient = newPatient(api, site.branchId());
        patientId =
                UUID.fromString(patient.get("/api/v1/patients/me").json("id").asString());
        patientUserId = UUID.fromString(patient.get("/api/v1/me").json("userId").asString());
        reception = staff(Role.RECEPTIONIST, site);
        manager = staff(Role.MANAGER, site);
        otherReception = staff(Role.RECEPTIONIST, otherSite);
        otherManager = staff(Role.MANAGER, otherSite);
        auditor = api.as(Sessions.staff(api, Role.AUDITOR, null, null).accessToken());
    }

    @Test
    void thePatientAndTheirClinicsStaffReadTheHistoryNewestFirstWithEveryAttempt() {
        UUID older = given.deadLettered(patientId, Optional.of(patientUserId), site.clinicId());
        UUID newer = given.scheduled(patientId, Optional.of(patientUserId), site.clinicId());
        Api doctor = api.as(newDoctor(api, admin, site, "cardiology").account().accessToken());

        for (Api reader : List.of(patient, reception, manager, doctor, admin, auditor)) {
            Api.Response history = reader.get(history(patientId));

            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            history.json("items")
                    .forEach(item -> ids.add(item.path("notificationId").asString()));
            assertThat(ids).containsSubsequence(newer.toString(), older.toString());
        }
        JsonNode deadLetter = item(patient.get(history(patientId)), older);
        assertThat(deadLetter.path("status").asString()).isEqualTo("DEAD_LETTERED");
        assertThat(deadLetter.path("channel").asString()).isEqualTo("SMS");
        assertThat(deadLetter.path("category").asString()).isEqualTo("REMINDERS");
        assertThat(deadLetter.path("clinicId").asString())
                .isEqualTo(site.clinicId().toString());
        assertThat(deadLetter.path("reason").asString()).isEqualTo("rejected");
        assertThat(deadLetter.path("attempts")).hasSize(1);
        JsonNode attempt = deadLetter.path("attempts").get(0);
        assertThat(attempt.path("provider").asString()).isEqualTo("test-sms");
        assertThat(attempt.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(attempt.path("answer").asString()).isEqualTo("400 21211 invalid 'To' number");
        assertThat(attempt.path("latencyMillis").asLong()).isEqualTo(87);
        assertThat(deadLetter.toString()).doesNotContain("sealed", "content");
        assertThat(item(patient.get(history(patientId)), newer).path("status").asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void anotherClinicsStaffAndAnotherPatientAreToldThePatientDoesNotExist() {
        given.scheduled(patientId, Optional.of(patientUserId), site.clinicId());
        Api otherPatient = newPatient(api, site.branchId());

        for (Api outsider : List.of(otherReception, otherManager, otherPatient)) {
            assertProblem(outsider.get(history(patientId)), 404, "patient.not-found");
        }
        assertProblem(admin.get(history(UUID.randomUUID())), 404, "patient.not-found");
        assertProblem(api.anonymous().get(history(patientId)), 401, "unauthorized");
    }

    @Test
    void theHistoryPagesWithACursor() {
        UUID first = given.scheduled(patientId, Optional.of(patientUserId), site.clinicId());
        UUID second = given.scheduled(patientId, Optional.of(patientUserId), site.clinicId());

        Api.Response page = patient.get(history(patientId) + "?limit=1");
        assertThat(page.json("items")).hasSize(1);
        assertThat(page.json("items").get(0).path("notificationId").asString()).isEqualTo(second.toString());
        Api.Response next = patient.get(
                history(patientId) + "?limit=1&after=" + page.json("nextCursor").asString());
        assertThat(next.json("items").get(0).path("notificationId").asString()).isEqualTo(first.toString());
        assertProblem(patient.get(history(patientId) + "?after=not-a-cursor"), 422, "page.cursor-invalid");
    }

    @Test
    void aManagerCountsTheirClinicsNotificationsByStateAndChannel() {
        Instant from = clock.instant().minus(Duration.ofMinutes(1));
        given.deadLettered(patientId, Optional.of(patientUserId), site.clinicId());
        given.scheduled(patientId, Optional.of(patientUserId), site.clinicId());
        given.scheduled(patientId, Optional.of(patientUserId), site.clinicId());
        String period = "&from=" + from + "&to=" + clock.instant().plus(Duration.ofMinutes(1));

        Api.Response counts = manager.get("/api/v1/admin/notifications/counts?clinicId=" + site.clinicId() + period);

        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        assertThat(counts.json("clinicId").asString()).isEqualTo(site.clinicId().toString());
        assertThat(count(counts, "SCHEDULED", "SMS")).isGreaterThanOrEqualTo(2);
        assertThat(count(counts, "DEAD_LETTERED", "SMS")).isGreaterThanOrEqualTo(1);
        Api.Response own = manager.get("/api/v1/admin/notifications/counts?" + period.substring(1));
        assertThat(own.json("clinicId").asString())
                .as("a manager's own clinic")
                .isEqualTo(site.clinicId().toString());
        assertThat(auditor.get("/api/v1/admin/notifications/counts?" + period.substring(1))
                        .json("clinicId")
                        .isNull())
                .as("every clinic")
                .isTrue();
        assertProblem(
                otherManager.get("/api/v1/admin/notifications/counts?clinicId=" + site.clinicId() + period),
                403,
                "forbidden");
        assertProblem(reception.get("/api/v1/admin/notifications/counts?" + period.substring(1)), 403, "forbidden");
        assertProblem(
                manager.get("/api/v1/admin/notifications/counts?from=" + from + "&to=" + from),
                422,
                "notification.counts-range-invalid");
        assertProblem(manager.get("/api/v1/admin/notifications/counts?from=yesterday&to=" + from), 400, "validation");
    }

    @Test
    void aDeadLetterIsListedForItsClinicAndSentAgainByItsManager() {
        UUID deadLetter = given.deadLettered(patientId, Optional.of(patientUserId), site.clinicId());
        UUID elsewhere = given.deadLettered(patientId, Optional.of(patientUserId), otherSite.clinicId());

        Api.Response listed = manager.get("/api/v1/admin/notifications/dead-letters?clinicId=" + site.clinicId());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(ids(listed)).contains(deadLetter.toString()).doesNotContain(elsewhere.toString());
        assertThat(ids(admin.get("/api/v1/admin/notifications/dead-letters?limit=200")))
                .contains(deadLetter.toString(), elsewhere.toString());
        assertProblem(
                manager.get("/api/v1/admin/notifications/dead-letters?clinicId=" + otherSite.clinicId()),
                403,
                "forbidden");
        assertProblem(auditor.get("/api/v1/admin/notifications/dead-letters"), 403, "forbidden");

        assertProblem(otherManager.post(redrive(deadLetter), null), 404, "notification.not-found");
        assertProblem(reception.post(redrive(deadLetter), null), 403, "forbidden");
        assertProblem(manager.post(redrive(UUID.randomUUID()), null), 404, "notification.not-found");
        given.withoutDispatcher(() -> {
            Api.Response redriven = manager.post(redrive(deadLetter), null);
            assertThat(redriven.status()).as(redriven.toString()).isEqualTo(202);

            JsonNode again = item(patient.get(history(patientId) + "?limit=200"), deadLetter);
            assertThat(again.path("status").asString()).isEqualTo("DUE");
            assertThat(again.path("channel").asString()).isEqualTo("SMS");
            assertThat(again.path("reason").isNull()).isTrue();
            assertThat(ids(manager.get("/api/v1/admin/notifications/dead-letters?clinicId=" + site.clinicId())))
                    .doesNotContain(deadLetter.toString());
            assertProblem(manager.post(redrive(deadLetter), null), 409, "notification.not-dead-lettered");
        });
        given.settle();
    }

    private Api staff(Role role, Site at) {
        return api.as(Sessions.staff(api, role, at.clinicId(), at.branchId()).accessToken());
    }

    private static String history(UUID patientId) {
        return "/api/v1/patients/" + patientId + "/notifications";
    }

    private static String redrive(UUID notificationId) {
        return "/api/v1/admin/notifications/" + notificationId + "/redrive";
    }

    private static JsonNode item(Api.Response page, UUID notificationId) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        for (JsonNode item : page.json("items")) {
            if (item.path("notificationId").asString().equals(notificationId.toString())) {
                return item;
            }
        }
        throw new AssertionError("no notification " + notificationId + " in " + page);
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json("items").forEach(item -> ids.add(item.path("notificationId").asString()));
        return ids;
    }

    private static long count(Api.Response counts, String status, String channel) {
        for (JsonNode count : counts.json("counts")) {
            if (count.path("status").asString().equals(status)
                    && count.path("channel").asString().equals(channel)) {
                return count.path("count").asLong();
            }
        }
        return 0;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json("code").asString()).isEqualTo(code);
    }
}
