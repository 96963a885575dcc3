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

import com.clinic.ClinicApplication;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.scheduling.waitlist.SeparateDatabase;
import com.clinic.support.Api;
import com.clinic.support.ProviderFakes;
import com.clinic.support.Sessions;
import com.clinic.support.TestDatabase;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Messages across a restart, then on two instances: a confirmation that failed once and waits for
 * its retry, and a reminder that fell due while no application ran. Both waits are rows in
 * scheduled_tasks and the sends are the dispatch processor's, whose position is in the token store,
 * so after the restart each goes out exactly once, on one of the two instances, and nothing that
 * went out before goes out again. Whole application contexts on a database of their own, the real
 * Twilio SDK against the local fake.
 */
class NotificationRestartTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final String DISPATCH = "notifications-dispatch";
    private static final String CONFIRMATION = "appointment.booked";
    private static final String REMINDER = "appointment.reminder";

    private final TestDatabase.Connection db = SeparateDatabase.create();

    private ConfigurableApplicationContext start(String nodeId) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--clinic.test.node-id=" + nodeId,
                "--clinic.deadlines.polling-interval=PT0.5S",
                // A retry an hour away: it is still waiting when the application stops.
                "--clinic.notifications.delivery.base-delay=PT1H",
                "--clinic.notifications.delivery.max-delay=PT2H"));
        ProviderFakes.get().properties().forEach(property -> arguments.add("--" + property));
        return new SpringApplicationBuilder(ClinicApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void aRetryAndAReminderDueWhileStoppedAreEachSentOnceByOneOfTwoInstancesAfterTheRestart() {
        String phone;
        UUID patientId;
        Instant start;
        String receptionToken;
        StubMapping outage;
        List<JsonNode> stopped;
        try (ConfigurableApplicationContext before = start("instance-a")) {
            Api api = Api.on(port(before));
            Api admin = api.as(Sessions.admin(api));
            AvailabilityTestData.Site site = newSite(admin, RIYADH.getId());
            UUID doctorId = newDoctor(api, admin, site, "dermatology").doctorId();
            UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
            Api.Response schedule = admin.header("If-None-Match", "*")
                    .put(schedulePath(doctorId, site.branchId()), everyDay("08:00", "20:00"));
            assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
            receptionToken = Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                    .accessToken();

            Api patient = newPatient(api, site.branchId());
            patientId = UUID.fromString(
                    patient.get("/api/v1/patients/me").json("id").asString());
            phone = patient.get("/api/v1/patients/me").json("phone").asString();
            Api.Response chose = patient.header("If-Match", "\"0\"")
                    .put(
                            "/api/v1/me/notification-preferences",
                            Map.of("channels", Map.of("APPOINTMENTS", List.of("SMS"), "REMINDERS", List.of("SMS"))));
            assertThat(chose.status()).as(chose.toString()).isEqualTo(200);
            outage = ProviderFakes.get()
                    .server()
                    .stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                            .atPriority(1)
                            .withFormParam("To", equalTo(phone))
                            .willReturn(aResponse()
                                    .withStatus(503)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"code\": 20503, \"message\": \"Service unavailable\","
                                            + " \"more_info\": \"https://www.twilio.com/docs/errors/20503\","
                                            + " \"status\": 503}")));

            start = firstFreeStart(patient, doctorId, site.branchId(), typeId);
            PatientHistory.book(api.as(receptionToken), patientId, doctorId, site.branchId(), typeId, start);

            stopped = PatientHistory.awaitUntil(
                    api.as(receptionToken),
                    patientId,
                    all -> bySms(all, CONFIRMATION)
                                    .anyMatch(n -> n.path("status").asString().equals("WAITING"))
                            && bySms(all, REMINDER).count() == 2);
        }
        String digits = phone.substring(1);
        assertThat(ProviderFakes.get().received(ProviderFakes.TWILIO_SEND, digits))
                .as("the confirmation was tried once and failed; the reminders are not due")
                .hasSize(1);

        // While nothing runs: Twilio recovers, and the day-before reminder falls due.
        ProviderFakes.get().server().removeStub(outage);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        String confirmation =
                only(bySms(stopped, CONFIRMATION)).path("notificationId").asString();
        Instant dayBefore = start.minus(Duration.ofHours(24));
        List<String> dayBeforeReminders = stopped.stream()
                .filter(n -> n.path("template").asString().equals(REMINDER))
                .filter(n -> Instant.parse(n.path("dueAt").asString()).equals(dayBefore))
                .map(n -> n.path("notificationId").asString())
                .toList();
        assertThat(dayBeforeReminders).as("the in-app notice and the SMS").hasSize(2);
        makeDue(jdbc, confirmation);
        dayBeforeReminders.forEach(reminder -> makeDue(jdbc, reminder));

        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try {
            instances.add(start("instance-b"));
            instances.add(start("instance-c"));
            Api reception = Api.on(port(instances.getFirst())).as(receptionToken);

            List<JsonNode> after = PatientHistory.awaitUntil(
                    reception,
                    patientId,
                    all -> only(bySms(all, CONFIRMATION))
                                    .path("status")
                                    .asString()
                                    .equals("SENT")
                            && all.stream()
                                            .filter(n -> dayBeforeReminders.contains(
                                                    n.path("notificationId").asString()))
                                            .filter(n ->
                                                    n.path("status").asString().equals("SENT"))
                                            .count()
                                    == 2);
            assertThat(only(bySms(after, CONFIRMATION)).path("attempts"))
                    .as("the retry after the restart is the second attempt, recorded once")
                    .extracting(a ->
                            a.path("attempt").asInt() + " " + a.path("outcome").asString())
                    .containsExactly("1 TRANSIENT", "2 ACCEPTED");
            JsonNode reminderBySms = only(bySms(after, REMINDER)
                    .filter(n ->
                            dayBeforeReminders.contains(n.path("notificationId").asString())));
            assertThat(reminderBySms.path("attempts"))
                    .extracting(a ->
                            a.path("attempt").asInt() + " " + a.path("outcome").asString())
                    .containsExactly("1 ACCEPTED");
            assertThat(bySms(after, REMINDER)
                            .filter(n -> !dayBeforeReminders.contains(
                                    n.path("notificationId").asString()))
                            .map(n -> n.path("status").asString() + " "
                                    + Instant.parse(n.path("dueAt").asString())))
                    .as("the reminder two hours before still waits for its time")
                    .containsExactly("SCHEDULED " + start.minus(Duration.ofHours(2)));

            instances.forEach(NotificationRestartTest::awaitDispatchCaughtUp);
            assertThat(ProviderFakes.get().received(ProviderFakes.TWILIO_SEND, digits))
                    .as("the failed confirmation, its retry and the reminder: nothing sent twice")
                    .hasSize(3);
            assertThat(deadlinesOf(jdbc, confirmation)).isZero();
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Stream<JsonNode> bySms(List<JsonNode> all, String template) {
        return all.stream()
                .filter(n -> n.path("template").asString().equals(template))
                .filter(n -> n.path("channel").asString().equals("SMS"));
    }

    private static JsonNode only(Stream<JsonNode> found) {
        List<JsonNode> list = found.toList();
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    /** Brings a message's unfired deadline forward to now, as if its time had come while stopped. */
    private static void makeDue(JdbcTemplate jdbc, String notificationId) {
        int rows = jdbc.update(
                "update scheduled_tasks set execution_time = now() - interval '1 second'"
                        + " where task_name = 'AxonDeadline' and not picked"
                        + " and position(convert_to(?, 'UTF8') in task_data) > 0",
                notificationId);
        assertThat(rows)
                .as("one durable, unfired deadline for %s while no application runs", notificationId)
                .isEqualTo(1);
    }

    private static int deadlinesOf(JdbcTemplate jdbc, String notificationId) {
        return jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'AxonDeadline'"
                        + " and position(convert_to(?, 'UTF8') in task_data) > 0",
                Integer.class,
                notificationId);
    }

    private static void awaitDispatchCaughtUp(ConfigurableApplicationContext context) {
        long head = context.getBean(JdbcTemplate.class)
                .queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(DISPATCH, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private static Instant firstFreeStart(Api caller, UUID doctorId, UUID branchId, UUID typeId) {
        LocalDate from = LocalDate.now(RIYADH).plusDays(3);
        List<Instant> starts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response slots = caller.get("/api/v1/slots?doctorId=" + doctorId + "&branchId=" + branchId
                    + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(1) + "&limit=5");
            assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
            starts.clear();
            slots.body()
                    .path("items")
                    .forEach(slot ->
                            starts.add(Instant.parse(slot.path("startUtc").asString())));
            assertThat(starts).isNotEmpty();
        });
        return starts.getFirst();
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
