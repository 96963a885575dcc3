package com.clinic.platform;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A projection that cannot apply an event keeps it in its dead-letter queue in PostgreSQL, together
 * with the later events of the same aggregate, instead of logging it and moving on: health, metrics
 * and an administrators' endpoint show it, and once the cause is removed a retry applies the events in
 * their order (ADR 0016).
 *
 * <p>The failure is a real one: the clinic directory's read model gets a constraint (as a later
 * migration tightening a column would) that one clinic's name violates, so the projection's insert
 * fails in PostgreSQL, which aborts the statement's transaction.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionDeadLetterTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final String GROUP = "directory-clinics";
    private static final String GAUGE = "clinic.projection.dead.letters";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HealthEndpoint health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
    private final String constraint = "ck_dead_letter_test_" + run;
    private final String refused = "Refused " + run;

    Api api;
    Api admin;

    @BeforeAll
    void signIn() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
    }

    /** Whatever happened, the constraints go and the queues are emptied, so other tests see a healthy instance. */
    @AfterEach
    void removeTheCauseAndRetry() {
        execute("ALTER TABLE clinic_view DROP CONSTRAINT IF EXISTS " + constraint);
        execute("ALTER TABLE audit_event_index DROP CONSTRAINT IF EXISTS " + constraint);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String group :
                    jdbc.queryForList("SELECT DISTINCT processinggroup FROM deadletterentry", String.class)) {
                admin.post(DEAD_LETTERS + "/" + group + "/retry", null);
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry", Long.class))
                    .isZero();
        });
    }

    @Test
    void anEventTheReadModelRefusesWaitsWithTheLaterEventsOfItsAggregateAndARetryAppliesThemInOrder() throws Exception {
        double enqueuedBefore = enqueued();
        refuseClinicNamesStartingWith(refused);

        Api.Response created = admin.post("/api/v1/clinics", site(refused + " clinic", "Asia/Riyadh", "SAR"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clinicId = created.json("id").asString();
        // Alone, the rename would pass the constraint: applied before the creation, it would show a
        // clinic the read model never created.
        Api.Response renamed = admin.header("If-Match", created.header("ETag").orElseThrow())
                .put("/api/v1/clinics/" + clinicId, site("Renamed " + run, "Asia/Riyadh", "SAR"));
        assertThat(renamed.status()).as(renamed.toString()).isBetween(200, 204);
        Api.Response other = admin.post("/api/v1/clinics", site("Unaffected " + run, "Asia/Riyadh", "SAR"));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);

        // The projection went on with every other aggregate, and applied neither event of this one.
        awaitOk(admin, "/api/v1/clinics/" + other.json("id").asString());
        assertThat(admin.get("/api/v1/clinics/" + clinicId).status()).isEqualTo(404);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT sequenceindex, payloadtype, aggregateidentifier, sequencenumber, causetype, causemessage"
                        + " FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?"
                        + " ORDER BY sequenceindex",
                GROUP,
                clinicId);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsEntry("sequenceindex", 1L)
                .containsEntry("aggregateidentifier", clinicId)
                .containsEntry("sequencenumber", 0L);
        assertThat((String) rows.get(0).get("payloadtype")).endsWith("ClinicCreated");
        assertThat((String) rows.get(0).get("causetype")).isNotBlank();
        assertThat((String) rows.get(0).get("causemessage"))
                .contains("23514", constraint)
                .doesNotContain(refused, "insert", "Failing row");
        assertThat(rows.get(1))
                .containsEntry("sequenceindex", 2L)
                .containsEntry("sequencenumber", 1L)
                .containsEntry("causetype", null);
        assertThat((String) rows.get(1).get("payloadtype")).endsWith("ClinicUpdated");

        // Health says so without taking the instance out of the load balancer.
        HealthDescriptor processors = health.healthForPath("readiness", "eventProcessors");
        assertThat(processors.getStatus().getCode()).isEqualTo("DEGRADED");
        JsonNode details = json.readTree(json.writeValueAsString(processors)).path("details");
        assertThat(details.path(GROUP).path("deadLetters").asLong()).isEqualTo(2);
        assertThat(details.path("audit-index").path("deadLetters").asLong()).isZero();
        assertThat(details.path("scheduling-claims").has("deadLetters")).isFalse();
        Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json("status").asString()).isEqualTo("DEGRADED");
        Api.Response overall = admin.get("/actuator/health");
        assertThat(overall.status()).as(overall.toString()).isEqualTo(200);
        assertThat(overall.json("status").asString()).isEqualTo("DEGRADED");
        assertThat(overall.body()
                        .path("components")
                        .path("eventProcessors")
                        .path("details")
                        .path(GROUP)
                        .path("deadLetters")
                        .asLong())
                .as(overall.toString())
                .isEqualTo(2);
        assertThat(api.anonymous().get("/actuator/health").json("components").isMissingNode())
                .as("anonymous callers get the status only")
                .isTrue();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gauge()).isEqualTo(2));
        assertThat(enqueued()).isEqualTo(enqueuedBefore + 1);

        JsonNode listed = list();
        assertThat(listed.path("total").asLong()).isEqualTo(2);
        assertThat(listed.path("truncated").asBoolean()).isFalse();
        assertThat(listed.path("groups")).hasSize(1);
        assertThat(listed.path("groups").get(0).path("processingGroup").asString())
                .isEqualTo(GROUP);
        assertThat(listed.path("groups").get(0).path("deadLetters").asLong()).isEqualTo(2);
        assertThat(listed.path("groups").get(0).path("sequences").asLong()).isEqualTo(1);
        JsonNode first = listed.path("letters").get(0);
        JsonNode second = listed.path("letters").get(1);
        assertThat(first.path("processingGroup").asString()).isEqualTo(GROUP);
        assertThat(first.path("eventType").asString()).isEqualTo("ClinicCreated");
        assertThat(first.path("aggregateId").asString()).isEqualTo(clinicId);
        assertThat(first.path("sequenceId").asString()).isEqualTo(clinicId);
        assertThat(first.path("aggregateSequence").asLong()).isZero();
        assertThat(first.path("indexInSequence").asLong()).isEqualTo(1);
        assertThat(first.path("causeType").asString()).isEqualTo(rows.get(0).get("causetype"));
        assertThat(first.path("causeMessage").asString()).contains(constraint).doesNotContain(refused);
        assertThat(first.path("enqueuedAt").asString()).isNotBlank();
        assertThat(first.path("retries").asInt()).isZero();
        assertThat(second.path("eventType").asString()).isEqualTo("ClinicUpdated");
        assertThat(second.path("aggregateSequence").asLong()).isEqualTo(1);
        assertThat(second.path("indexInSequence").asLong()).isEqualTo(2);
        assertThat(second.path("causeType").isNull()).isTrue();
        assertThat(second.path("retries").asInt()).isZero();

        // While the cause is still there, a retry fails again: nothing is applied, the failure is counted.
        Api.Response again = admin.post(DEAD_LETTERS + "/" + GROUP + "/sequences/" + clinicId + "/retry", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json("sequencesRetried").asInt()).isEqualTo(1);
        assertThat(again.json("sequencesApplied").asInt()).isZero();
        assertThat(again.json("remaining").asLong()).isEqualTo(2);
        JsonNode stillThere = list();
        assertThat(stillThere.path("letters").get(0).path("retries").asInt()).isEqualTo(1);
        assertThat(stillThere.path("letters").get(0).path("causeMessage").asString())
                .contains(constraint);
        assertThat(stillThere.path("letters").get(1).path("retries").asInt()).isZero();
        assertThat(admin.get("/api/v1/clinics/" + clinicId).status()).isEqualTo(404);

        execute("ALTER TABLE clinic_view DROP CONSTRAINT " + constraint);
        Api.Response retried = admin.post(DEAD_LETTERS + "/" + GROUP + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json("processingGroup").asString()).isEqualTo(GROUP);
        assertThat(retried.json("sequencesRetried").asInt()).isEqualTo(1);
        assertThat(retried.json("sequencesApplied").asInt()).isEqualTo(1);
        assertThat(retried.json("remaining").asLong()).isZero();
        Api.Response clinic = admin.get("/api/v1/clinics/" + clinicId);
        assertThat(clinic.status()).as(clinic.toString()).isEqualTo(200);
        assertThat(clinic.json("nameEn").asString()).isEqualTo("Renamed " + run);
        assertThat(clinic.header("ETag")).contains("\"1\"");
        assertThat(lettersIn(GROUP)).isZero();
        assertThat(health.healthForPath("readiness", "eventProcessors")
                        .getStatus()
                        .getCode())
                .isEqualTo("UP");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gauge()).isZero());

        // Applied by the retry, the clinic now follows its events as usual.
        Api.Response next = admin.header("If-Match", "\"1\"")
                .put("/api/v1/clinics/" + clinicId, site("Renamed again " + run, "Asia/Riyadh", "SAR"));
        assertThat(next.status()).as(next.toString()).isBetween(200, 204);
        assertThat(admin.get("/api/v1/clinics/" + clinicId).json("nameEn").asString())
                .isEqualTo("Renamed again " + run);
    }

    @Test
    void aReplayStartsTheProjectionOverDroppingItsDeadLettersAndRefusesRetriesWhileItRuns() throws Exception {
        refuseClinicNamesStartingWith(refused);
        Api.Response created = admin.post("/api/v1/clinics", site(refused + " clinic", "Asia/Riyadh", "SAR"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clinicId = created.json("id").asString();
        assertThat(lettersIn(GROUP)).isEqualTo(1);
        execute("ALTER TABLE clinic_view DROP CONSTRAINT " + constraint);

        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // The reset's TRUNCATE waits for this lock, holding the replay at its start.
                statement.execute("LOCK TABLE clinic_view IN ACCESS SHARE MODE");
            }
            Api.Response replay = admin.post(PROJECTIONS + "/" + GROUP + "/replay", null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);

            assertProblem(
                    admin.post(DEAD_LETTERS + "/" + GROUP + "/retry", null), 409, "dead-letters.replay-in-progress");
            assertProblem(
                    admin.post(DEAD_LETTERS + "/" + GROUP + "/sequences/" + clinicId + "/retry", null),
                    409,
                    "dead-letters.replay-in-progress");
            lock.rollback();
        }

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            JsonNode processor = projection(GROUP);
            assertThat(processor.path("lastReplay").path("state").asString()).isEqualTo("FINISHED");
        });
        // Cleared in the reset's transaction; the event no longer fails, so the replay applied it.
        assertThat(lettersIn(GROUP)).isZero();
        Api.Response clinic = admin.get("/api/v1/clinics/" + clinicId);
        assertThat(clinic.status()).as(clinic.toString()).isEqualTo(200);
        assertThat(clinic.json("nameEn").asString()).isEqualTo(refused + " clinic");
    }

    /**
     * PostgreSQL aborts a transaction at its first failed statement; the refused event is rolled back
     * to its savepoint, so what the projection is given with it (the processor is stopped meanwhile, so
     * both arrive together when it starts) is applied and only the refused event is dead-lettered.
     */
    @Test
    void onlyTheRefusedEventIsDeadLetteredAndTheRestOfItsBatchIsApplied() {
        refuseClinicNamesStartingWith(refused);
        StreamingEventProcessor clinics =
                processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        Api.Response created;
        Api.Response accepted;
        // Stopped, the projection finds both events in one batch when it starts again (the barrier
        // of read-your-writes does not wait for a stopped processor).
        clinics.shutDown();
        try {
            created = admin.post("/api/v1/clinics", site(refused + " first", "Asia/Riyadh", "SAR"));
            accepted = admin.post("/api/v1/clinics", site("Accepted after it " + run, "Asia/Riyadh", "SAR"));
        } finally {
            clinics.start();
        }
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);

        awaitOk(admin, "/api/v1/clinics/" + accepted.json("id").asString());
        assertThat(admin.get("/api/v1/clinics/" + created.json("id").asString()).status())
                .isEqualTo(404);
        assertThat(lettersIn(GROUP)).isEqualTo(1);
    }

    /**
     * The audit index sends a batch's rows in one JDBC batch at commit: its failure cannot be pinned
     * on one event there, so the batch is retried writing event by event, and only the event the
     * index refuses is dead-lettered.
     */
    @Test
    void aRowRefusedInTheBatchSentAtCommitIsDeadLetteredWithoutHoldingBackTheRestOfTheBatch() {
        String refusedProbe = "dead-letter-probe-" + run + "-refused";
        String acceptedProbe = "dead-letter-accepted-" + run;
        execute("ALTER TABLE audit_event_index ADD CONSTRAINT " + constraint
                + " CHECK (aggregate_id NOT LIKE 'dead-letter-probe-" + run + "%') NOT VALID");

        commands.sendAndWait(new TransactionProbe.Probe(refusedProbe, UUID.randomUUID(), false));
        commands.sendAndWait(new TransactionProbe.Probe(acceptedProbe, UUID.randomUUID(), false));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(auditRows(acceptedProbe)).isEqualTo(1);
            assertThat(lettersIn("audit-index")).isEqualTo(1);
        });
        assertThat(auditRows(refusedProbe)).isZero();
        JsonNode letter = list(DEAD_LETTERS + "?processingGroup=audit-index")
                .path("letters")
                .get(0);
        assertThat(letter.path("sequenceId").asString()).isEqualTo(refusedProbe);
        assertThat(letter.path("eventType").asString()).isEqualTo("Probed");
        assertThat(letter.path("causeMessage").asString()).contains("23514", constraint);

        execute("ALTER TABLE audit_event_index DROP CONSTRAINT " + constraint);
        Api.Response retried = admin.post(DEAD_LETTERS + "/audit-index/sequences/" + refusedProbe + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json("sequencesApplied").asInt()).isEqualTo(1);
        assertThat(auditRows(refusedProbe)).isEqualTo(1);
        assertThat(lettersIn("audit-index")).isZero();
    }

    @Test
    void auditorsReadTheDeadLettersOnlyAdministratorsRetryAndOnlyProjectionsHaveThem() {
        UUID clinicId = UUID.fromString(admin.post("/api/v1/clinics", site("Access " + run, "Asia/Riyadh", "SAR"))
                .json("id")
                .asString());
        Api auditor = api.as(Sessions.staff(api, Role.AUDITOR, null, null).accessToken());
        Api manager = api.as(Sessions.staff(api, Role.MANAGER, clinicId, null).accessToken());

        assertThat(auditor.get(DEAD_LETTERS).status()).isEqualTo(200);
        assertProblem(auditor.post(DEAD_LETTERS + "/" + GROUP + "/retry", null), 403, "forbidden");
        assertProblem(manager.get(DEAD_LETTERS), 403, "forbidden");
        assertProblem(manager.post(DEAD_LETTERS + "/" + GROUP + "/retry", null), 403, "forbidden");
        assertProblem(api.anonymous().get(DEAD_LETTERS), 401, "unauthorized");

        JsonNode all = list(DEAD_LETTERS);
        assertThat(all.path("groups"))
                .extracting(group -> group.path("processingGroup").asString())
                .contains("audit-index", GROUP, "directory-patients", "scheduling-appointments")
                .doesNotContain("scheduling-claims", "scheduling-queue-admission", "scheduling-waitlist-offers");
        assertProblem(admin.post(DEAD_LETTERS + "/scheduling-claims/retry", null), 404, "dead-letters.unknown-group");
        assertProblem(admin.get(DEAD_LETTERS + "?processingGroup=no-such-group"), 404, "dead-letters.unknown-group");
        assertProblem(
                admin.post(DEAD_LETTERS + "/" + GROUP + "/sequences/" + UUID.randomUUID() + "/retry", null),
                404,
                "dead-letters.unknown-sequence");
        assertThat(admin.get(DEAD_LETTERS + "?limit=0").status()).isEqualTo(400);

        JsonNode paths = api.anonymous().get("/v3/api-docs").json("paths");
        assertThat(paths.has(DEAD_LETTERS)).isTrue();
        assertThat(paths.path(DEAD_LETTERS + "/{processingGroup}/retry").has("post"))
                .isTrue();
        assertThat(paths.path(DEAD_LETTERS + "/{processingGroup}/sequences/{sequenceId}/retry")
                        .has("post"))
                .isTrue();
    }

    // --- Helpers ------------------------------------------------------------------------------------

    /** NOT VALID: existing rows are not checked, only the projection's writes from now on. */
    private void refuseClinicNamesStartingWith(String prefix) {
        execute("ALTER TABLE clinic_view ADD CONSTRAINT " + constraint + " CHECK (name_en NOT LIKE '" + prefix
                + "%') NOT VALID");
    }

    private long auditRows(String aggregateId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event_index WHERE aggregate_id = ?", Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private void execute(String sql) {
        jdbc.execute(sql);
    }

    private long lettersIn(String group) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE processinggroup = ?", Long.class, group);
        return count == null ? 0 : count;
    }

    private JsonNode list() {
        return list(DEAD_LETTERS + "?processingGroup=" + GROUP);
    }

    private JsonNode list(String path) {
        Api.Response response = admin.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode projection(String name) {
        for (JsonNode processor : list(PROJECTIONS).path("processors")) {
            if (processor.path("name").asString().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    private double gauge() {
        Gauge gauge = meters.find(GAUGE).tag("group", GROUP).gauge();
        assertThat(gauge).as(GAUGE).isNotNull();
        return gauge.value();
    }

    private double enqueued() {
        Counter counter = meters.find(GAUGE + ".enqueued").tag("group", GROUP).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json("code").asString()).isEqualTo(code);
    }
}
