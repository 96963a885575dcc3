package com.clinic.notifications;

import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProviderFakes;
import com.clinic.support.Sessions;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Notifications end to end, through the real SDKs against the local provider fake: what a booking
 * sends and plans, a provider failure retried, a reminder plan that follows a cancellation, and the
 * providers' signed reports.
 */
@IntegrationTest
class NotificationDeliveryTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final String WAIT = "wait-for=processes";

    @LocalServerPort
    int port;

    private Api admin;
    private Api reception;
    private AvailabilityTestData.Site site;
    private UUID doctorId;
    private UUID typeId;

    @BeforeEach
    void aBranchWithADoctorAndReception() {
        Api api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        site = newSite(admin, RIYADH.getId());
        doctorId = newDoctor(api, admin, site, "dermatology").doctorId();
        typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        Api.Response schedule = admin.header("If-None-Match", "*")
                .put(schedulePath(doctorId, site.branchId()), everyDay("08:00", "20:00"));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
    }

    @Test
    void aBookingIsConfirmedInTheInboxAndByEmailAndItsRemindersAreCancelledWithIt() {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);
        String email = patient.get("/api/v1/patients/me").json("email").asString();
        Instant start = freeStarts(patient).get(3);

        String appointment = book(patientId, start);

        List<JsonNode> history = awaitHistory(
                patientId,
                all -> count(all, "appointment.booked", "SENT") == 2
                        && count(all, "appointment.reminder", "SCHEDULED") == 4);
        JsonNode byEmail = only(
                history,
                n -> n.path("template").asString().equals("appointment.booked")
                        && n.path("channel").asString().equals("EMAIL"));
        // No device registered: push reaches nobody, e-mail takes over and is taken.
        assertThat(byEmail.path("attempts"))
                .extracting(a ->
                        a.path("channel").asString() + " " + a.path("outcome").asString())
                .containsExactly("PUSH UNREACHABLE", "EMAIL ACCEPTED");
        assertThat(ProviderFakes.get().received(ProviderFakes.SENDGRID_SEND, email))
                .hasSize(1);
        assertThat(history.stream()
                        .filter(n -> n.path("template").asString().equals("appointment.reminder"))
                        .map(n -> Instant.parse(n.path("dueAt").asString()))
                        .distinct())
                .containsExactlyInAnyOrder(start.minus(Duration.ofHours(24)), start.minus(Duration.ofHours(2)));
        JsonNode notice = patient.get("/api/v1/me/notifications").json("items").get(0);
        assertThat(notice.path("template").asString()).isEqualTo("appointment.booked");
        assertThat(notice.path("message").asString()).contains("٢٠٢٦").doesNotContain("{");

        Api.Response cancelled = reception
                .header("Prefer", WAIT)
                .post("/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", "DOCTOR_UNAVAILABLE"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);

        List<JsonNode> after = awaitHistory(
                patientId,
                all -> count(all, "appointment.reminder", "CANCELLED") == 4
                        && count(all, "appointment.cancelled", "SENT") == 2);
        assertThat(count(after, "appointment.reminder", "SCHEDULED")).isZero();
    }

    @Test
    void aProviderFailureIsRetriedAfterItsBackoffAndTheSecondAttemptIsSent() {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);
        String phone = patient.get("/api/v1/patients/me").json("phone").asString();
        Api.Response chose = patient.header("If-Match", "\"0\"")
                .put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("APPOINTMENTS", List.of("SMS"))));
        assertThat(chose.status()).as(chose.toString()).isEqualTo(200);
        String scenario = "sms-fails-once-" + patientId;
        // The digits, however the form encodes the plus.
        String to = phone.substring(1);
        var fake = ProviderFakes.get().server();
        fake.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .atPriority(1)
                .withFormParam("To", equalTo(phone))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"more_info\":"
                                + " \"https://www.twilio.com/docs/errors/20503\", \"status\": 503}"))
                .willSetStateTo("recovered"));
        fake.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                .atPriority(1)
                .withFormParam("To", equalTo(phone))
                .inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000002\", \"status\": \"queued\"}")));

        book(patientId, freeStarts(patient).get(5));

        List<JsonNode> history = awaitHistory(patientId, all -> all.stream()
                .anyMatch(n -> n.path("template").asString().equals("appointment.booked")
                        && n.path("channel").asString().equals("SMS")
                        && n.path("status").asString().equals("SENT")));
        JsonNode bySms = only(
                history,
                n -> n.path("template").asString().equals("appointment.booked")
                        && n.path("channel").asString().equals("SMS"));
        assertThat(bySms.path("attempts"))
                .as("every attempt recorded, the failed one too")
                .extracting(
                        a -> a.path("attempt").asInt() + " " + a.path("outcome").asString() + " "
                                + a.path("answer").asString().split(" ")[0])
                .containsExactly("1 TRANSIENT 503", "2 ACCEPTED 201");
        Instant first = Instant.parse(bySms.path("attempts").get(0).path("at").asString());
        Instant second = Instant.parse(bySms.path("attempts").get(1).path("at").asString());
        // At least half the first backoff (200 ms, equal jitter) after the failure.
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(ProviderFakes.get().received(ProviderFakes.TWILIO_SEND, to)).hasSize(2);
    }

    @Test
    void aSignedDeliveryReportMarksTheEmailDeliveredAndABadSignatureRecordsNothing() throws Exception {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);
        book(patientId, freeStarts(patient).get(7));
        JsonNode byEmail = only(
                awaitHistory(patientId, all -> count(all, "appointment.booked", "SENT") == 2),
                n -> n.path("template").asString().equals("appointment.booked")
                        && n.path("channel").asString().equals("EMAIL"));
        String notificationId = byEmail.path("notificationId").asString();
        String body = "[{\"email\": \"x@example.com\", \"event\": \"delivered\", \"timestamp\": "
                + Instant.now().getEpochSecond() + ", \"sg_message_id\": \"sg-message-1.filter0001\","
                + " \"notification_id\": \"" + notificationId + "\"}]";
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        Api webhook = Api.on(port).anonymous();
        Api.Response forged = webhook.header("X-Twilio-Email-Event-Webhook-Signature", sign("tampered", timestamp))
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .post("/api/v1/webhooks/email", body);
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.json("code").asString()).isEqualTo("notification.webhook-signature-invalid");
        assertThat(status(patientId, notificationId)).isEqualTo("SENT");

        Api.Response signed = webhook.header("X-Twilio-Email-Event-Webhook-Signature", sign(body, timestamp))
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .post("/api/v1/webhooks/email", body);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(patientId, notificationId))
                .isEqualTo("DELIVERED"));
    }

    @Test
    void theOneClickUnsubscribeLinkOfAnEmailStopsTheAddressesEmailsAndTheNextMessageGoesBySms() {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);
        String email = patient.get("/api/v1/patients/me").json("email").asString();
        String phone = patient.get("/api/v1/patients/me").json("phone").asString();
        List<Instant> starts = freeStarts(patient);
        book(patientId, starts.get(9));
        awaitHistory(patientId, all -> count(all, "appointment.booked", "SENT") == 2);
        JsonNode mail = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(ProviderFakes.get()
                        .received(ProviderFakes.SENDGRID_SEND, email)
                        .getFirst()
                        .getRequest()
                        .getBodyAsString());
        assertThat(mail.path("headers").path("List-Unsubscribe-Post").asString())
                .isEqualTo("List-Unsubscribe=One-Click");
        String link = mail.path("headers").path("List-Unsubscribe").asString();
        assertThat(link).startsWith("<http").endsWith(">");
        String path = java.net.URI.create(link.substring(1, link.length() - 1)).getPath();
        Api anyone = Api.on(port).anonymous();

        Api.Response page = anyone.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.rawBody()).contains("<form method=\"post\">");
        String forgedPath = path.substring(0, path.length() - 1) + (path.endsWith("0") ? "1" : "0");
        Api.Response forged = anyone.postForm(forgedPath, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(422);
        assertThat(forged.json("code").asString()).isEqualTo("notification.unsubscribe-link-invalid");

        book(patientId, starts.get(11));
        awaitHistory(patientId, all -> count(all, "appointment.booked", "SENT") == 4);
        assertThat(ProviderFakes.get().received(ProviderFakes.SENDGRID_SEND, email))
                .as("neither opening the page nor a forged link unsubscribes")
                .hasSize(2);

        Api.Response oneClick = anyone.postForm(path, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.status()).as(oneClick.toString()).isEqualTo(204);
        book(patientId, starts.get(13));
        List<JsonNode> after = awaitHistory(patientId, all -> count(all, "appointment.booked", "SENT") == 6);
        assertThat(ProviderFakes.get().received(ProviderFakes.SENDGRID_SEND, email))
                .hasSize(2);
        assertThat(ProviderFakes.get().received(ProviderFakes.TWILIO_SEND, phone.substring(1)))
                .as("e-mail refused for the address, SMS took over")
                .hasSize(1);
        assertThat(after.stream()
                        .filter(n -> n.path("template").asString().equals("appointment.booked"))
                        .filter(n -> n.path("channel").asString().equals("SMS")))
                .hasSize(1);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String book(UUID patientId, Instant start) {
        return PatientHistory.book(reception, patientId, doctorId, site.branchId(), typeId, start);
    }

    private List<JsonNode> awaitHistory(UUID patientId, Predicate<List<JsonNode>> complete) {
        return PatientHistory.awaitUntil(reception, patientId, complete);
    }

    private String status(UUID patientId, String notificationId) {
        return awaitHistory(patientId, all -> true).stream()
                .filter(n -> n.path("notificationId").asString().equals(notificationId))
                .findFirst()
                .orElseThrow()
                .path("status")
                .asString();
    }

    private static long count(List<JsonNode> all, String template, String status) {
        return all.stream()
                .filter(n -> n.path("template").asString().equals(template))
                .filter(n -> n.path("status").asString().equals(status))
                .count();
    }

    private static JsonNode only(List<JsonNode> all, Predicate<JsonNode> which) {
        List<JsonNode> found = all.stream().filter(which).toList();
        assertThat(found).as(all.toString()).hasSize(1);
        return found.getFirst();
    }

    /** As SendGrid signs its event webhook: ECDSA P-256 with SHA-256 over the timestamp and the body. */
    private static String sign(String body, String timestamp) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(ProviderFakes.get().sendGridWebhookKey().getPrivate());
        ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private static UUID patientId(Api patient) {
        return UUID.fromString(patient.get("/api/v1/patients/me").json("id").asString());
    }

    /** Free starts days ahead, on the branch's working hours: every reminder is still to come. */
    private List<Instant> freeStarts(Api caller) {
        LocalDate from = LocalDate.now(RIYADH).plusDays(3);
        Api.Response slots = caller.get("/api/v1/slots?doctorId=" + doctorId + "&branchId=" + site.branchId()
                + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(2) + "&limit=50");
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        List<Instant> starts = new ArrayList<>();
        for (JsonNode slot : slots.body().path("items")) {
            starts.add(Instant.parse(slot.path("startUtc").asString()));
        }
        return starts;
    }
}
