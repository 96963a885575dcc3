package com.clinic.platform;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static com.clinic.scheduling.availability.AvailabilityTestData.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.notifications.GivenNotifications;
import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.projection.ProcessorStatus;
import com.clinic.platform.application.projection.port.ProjectionProcessors;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Administrators rebuild projections from the event store over HTTP, and whoever operates the
 * system sees how far each processor is. A replay must give back exactly the read models it cleared,
 * must never touch processes (which send commands or tell other contexts what happened), and must keep
 * commands away while it runs.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionReplayTest {

    private static final String STATUS = "/api/v1/admin/projections";
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(2);
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final List<String> PROCESSES = List.of(
            "notifications-dispatch",
            "payments-card-posting",
            "payments-card-refunds",
            "scheduling-facts",
            "scheduling-queue-admission",
            "scheduling-waitlist-offers");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelBarrier barrier;

    @Autowired
    FieldCipher cipher;

    @Autowired
    ProjectionProcessors processors;

    @Autowired
    Scheduler deadlines;

    Api api;
    Api admin;
    AvailabilityTestData.Site site;

    @BeforeAll
    void signIn() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        site = newSite(admin, "Asia/Riyadh");
    }

    /** Every test leaves the read models rebuilt and writes accepted, whatever happened in it. */
    @AfterEach
    void replaysHaveFinished() {
        awaitReplaysFinished();
    }

    @Test
    void replayingEveryProjectionAfterRealActivityRebuildsIdenticalReadModels() throws Exception {
        long storeBefore = auditIndexHead();
        List<String> views = activity();
        Map<String, JsonNode> before = snapshot(views);
        // Written by the handler event by event; the replay rebuilds it with one set-based statement.
        await().atMost(Duration.ofSeconds(10)).until(() -> auditIndexHead() >= storeHead());
        List<String> auditRowsBefore = auditRows(storeBefore, auditIndexHead());
        assertThat(auditRowsBefore).isNotEmpty().anyMatch(row -> !row.contains("user_id=null"));

        Api.Response accepted = admin.post(STATUS + "/replay", null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains(STATUS);
        assertThat(accepted.json("replaying").asBoolean()).isTrue();
        assertThat(accepted.json("writesPaused").asBoolean()).isTrue();
        List<String> replayable = new ArrayList<>();
        for (JsonNode processor : accepted.json("processors")) {
            if (processor.path("replayable").asBoolean()) {
                replayable.add(processor.path("name").asString());
                assertThat(processor.path("replaying").asBoolean())
                        .as(processor.toString())
                        .isTrue();
                assertThat(processor.path("lastReplay").path("requestedBy").asString())
                        .isEqualTo(adminUserId().toString());
            }
        }
        assertThat(replayable)
                .contains(
                        "audit-index",
                        "directory-clinics",
                        "directory-doctors",
                        "directory-patients",
                        "notifications-history",
                        "payments-card-payments",
                        "payments-desk-shifts",
                        "payments-invoices",
                        "scheduling-appointments",
                        "scheduling-availability",
                        "scheduling-queue-board",
                        "scheduling-waitlist-entries")
                .doesNotContainAnyElementsOf(PROCESSES)
                .doesNotContain("scheduling-claims");

        JsonNode finished = awaitReplaysFinished();

        for (JsonNode processor : finished.path("processors")) {
            String name = processor.path("name").asString();
            if (replayable.contains(name)) {
                JsonNode run = processor.path("lastReplay");
                assertThat(run.path("state").asString()).as(name).isEqualTo("FINISHED");
                assertThat(run.path("events").asLong()).as(name).isPositive();
                assertThat(run.path("eventsPerSecond").asDouble()).as(name).isPositive();
            }
            if (PROCESSES.contains(name)) {
                assertThat(processor.path("running").asBoolean()).as(name).isTrue();
                assertThat(processor.path("pausedForReplay").asBoolean())
                        .as(name)
                        .isFalse();
                assertThat(processor.path("lastReplay").isNull()).as(name).isTrue();
            }
        }
        assertThat(snapshot(views)).isEqualTo(before);
        assertThat(auditRows(storeBefore, storeBefore + auditRowsBefore.size() + 1_000))
                .startsWith(auditRowsBefore.toArray(String[]::new));
        Api.Response write = admin.post(
                "/api/v1/clinics/" + site.clinicId() + "/branches", site("Branch after replay", "Asia/Riyadh", null));
        assertThat(write.status()).as(write.toString()).isEqualTo(201);
    }

    /** Every table a projection (or the claim ledger) writes; a redelivered event must change none of them. */
    private static final List<String> PROJECTED_TABLES = List.of(
            "appointment_view",
            "invoice_view",
            "card_payment_view",
            "desk_shift_view",
            "invoice_line",
            "ledger_entry",
            "slot_claim",
            "patient_claim",
            "appointment_party",
            "branch_calendar",
            "branch_holiday",
            "doctor_schedule",
            "schedule_working_period",
            "schedule_working_interval",
            "schedule_time_off",
            "schedule_extra_session",
            "appointment_type",
            "queue_board",
            "queue_board_ticket",
            "queue_consultation_duration",
            "waitlist_entry_view",
            "audit_event_index",
            "patient_view",
            "clinic_view",
            "branch_view",
            "doctor_view",
            "doctor_branch",
            "doctor_fee",
            "doctor_language",
            "doctor_specialty",
            "user_account_view",
            "notification_view",
            "notification_attempt");

    /**
     * A claim's surrogate key and insertion time: a redelivered reschedule frees the old time and
     * claims the new one again, the same claim under a new key. What a claim says is compared whole.
     */
    private static final Set<String> SURROGATE_COLUMNS = Set.of(
            "slot_claim.claim_id", "slot_claim.created_at", "patient_claim.claim_id", "patient_claim.created_at");

    /**
     * At-least-once delivery: after a crash between a handler's write and its token's update, the
     * same events arrive again. Every projection is handed every stored event a second time, in
     * order, and no projected table may change.
     */
    @Test
    void redeliveringEveryStoredEventToEveryProjectionChangesNoReadModel() throws Exception {
        activity();
        // Deadlines of earlier tests (a hold's warning, a reminder) would change read models while the
        // tables are compared: none fires until the comparison is done, and what fired has settled.
        deadlines.pause();
        try {
            settleDeadlines();
            redeliverAndCompare();
        } finally {
            deadlines.resume();
        }
    }

    private void redeliverAndCompare() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> auditIndexHead() >= storeHead());
        Map<String, List<String>> before = tables();
        List<Object> projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> !PROCESSES.contains(processingGroup(bean)))
                .toList();
        assertThat(projections.stream().map(ProjectionReplayTest::processingGroup))
                .contains(
                        "audit-index",
                        "directory-patients",
                        "notifications-history",
                        "scheduling-appointments",
                        "scheduling-claims");

        int delivered = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                for (Object projection : projections) {
                    AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
                    if (handler.canHandle(event)) {
                        transactions.executeWithoutResult(status ->
                                DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> handler.handle(event)));
                        delivered++;
                    }
                }
            }
        }

        assertThat(delivered).isPositive();
        assertThat(tables()).isEqualTo(before);
    }

    /**
     * With more than one segment ({@code clinic.projections.segments}) a projection sees each
     * aggregate's events in order but the aggregates' streams interleaved in any way: Axon sequences
     * per aggregate and hands each aggregate to one segment. A read model must not depend on that
     * interleaving. Every projection rebuilds its tables, in a transaction that is rolled back, from
     * the whole store delivered aggregate after aggregate, newest aggregate first, and then in a
     * seeded random interleaving; both must give the read models built in global order.
     */
    @Test
    void projectionsBuildTheSameReadModelsWhateverOrderDifferentAggregatesEventsArriveIn() throws Exception {
        activity();
        // As for redelivery: no deadline may add events between the read models' snapshot and the store's.
        deadlines.pause();
        try {
            settleDeadlines();
            rebuildInOtherOrders();
        } finally {
            deadlines.resume();
        }
    }

    private void settleDeadlines() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadlines.getCurrentlyExecuting().isEmpty());
        assertThat(barrier.awaitProcessed(Duration.ofSeconds(30))).isTrue();
    }

    private void rebuildInOtherOrders() throws Exception {
        assertThat(barrier.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> auditIndexHead() >= storeHead());
        Set<String> segmented = processors.kinds().entrySet().stream()
                .filter(kind -> kind.getValue() == ProcessorStatus.Kind.PROJECTION)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Object> projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> segmented.contains(processingGroup(bean)))
                .toList();
        assertThat(projections.stream().map(ProjectionReplayTest::processingGroup))
                .contains(
                        "audit-index",
                        "directory-doctors",
                        "notifications-history",
                        "scheduling-appointments",
                        "scheduling-queue-board")
                .doesNotContain("scheduling-claims");
        Map<String, List<String>> live = tables(SEGMENTED_TABLES);
        List<TrackedEventMessage<?>> stored = storedEvents();
        List<List<TrackedEventMessage<?>>> streams = streamsPerAggregate(stored);
        assertThat(streams).hasSizeGreaterThan(1);

        // The reference is the same rebuild in the store's order, not the live tables: other tests in
        // this shared database write rows of their own straight into some of them.
        Map<String, List<String>> inOrder = rebuiltFrom(stored, projections);
        assertThat(inOrder.get("appointment_view")).isNotEmpty();
        assertThat(inOrder.get("doctor_view")).isNotEmpty();
        assertThat(inOrder.get("notification_attempt")).isNotEmpty();
        List<TrackedEventMessage<?>> newestAggregateFirst =
                streams.reversed().stream().flatMap(List::stream).toList();
        assertSameRows("newest aggregate first", rebuiltFrom(newestAggregateFirst, projections), inOrder);
        assertSameRows(
                "random interleaving", rebuiltFrom(interleaved(streams, new Random(20261202L)), projections), inOrder);
        assertSameRows("after the rollback", tables(SEGMENTED_TABLES), live);
    }

    /** Table by table, so that a difference names its table and its rows. */
    private static void assertSameRows(
            String order, Map<String, List<String>> actual, Map<String, List<String>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((table, rows) ->
                assertThat(actual.get(table)).as(order + ": " + table).containsExactlyElementsOf(rows));
    }

    /** What the tracking projections write; the claim ledger is a write guard, always in command order. */
    private static final List<String> SEGMENTED_TABLES = PROJECTED_TABLES.stream()
            .filter(table ->
                    !Set.of("slot_claim", "patient_claim", "appointment_party").contains(table))
            .toList();

    /** Every stored event, in the store's order. */
    private List<TrackedEventMessage<?>> storedEvents() {
        List<TrackedEventMessage<?>> stored = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                stored.add(events.nextAvailable());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return stored;
    }

    /** The events, one list per aggregate (an event without one is its own), in first-seen order. */
    private static List<List<TrackedEventMessage<?>>> streamsPerAggregate(List<TrackedEventMessage<?>> stored) {
        Map<String, List<TrackedEventMessage<?>>> streams = new LinkedHashMap<>();
        for (TrackedEventMessage<?> event : stored) {
            String sequence = event instanceof DomainEventMessage<?> domain
                    ? domain.getAggregateIdentifier()
                    : event.getIdentifier();
            streams.computeIfAbsent(sequence, key -> new ArrayList<>()).add(event);
        }
        return new ArrayList<>(streams.values());
    }

    /** Each step takes the next event of a randomly chosen aggregate: any order a set of segments may give. */
    private static List<TrackedEventMessage<?>> interleaved(List<List<TrackedEventMessage<?>>> streams, Random random) {
        List<ArrayDeque<TrackedEventMessage<?>>> open = new ArrayList<>();
        streams.forEach(stream -> open.add(new ArrayDeque<>(stream)));
        List<TrackedEventMessage<?>> order = new ArrayList<>();
        while (!open.isEmpty()) {
            int pick = random.nextInt(open.size());
            ArrayDeque<TrackedEventMessage<?>> stream = open.get(pick);
            order.add(stream.removeFirst());
            if (stream.isEmpty()) {
                open.set(pick, open.getLast());
                open.removeLast();
            }
        }
        return order;
    }

    /**
     * Resets the projections as a replay does (their own reset handlers empty exactly their tables) and
     * hands them the events in this order; rolled back after reading.
     */
    private Map<String, List<String>> rebuiltFrom(List<TrackedEventMessage<?>> events, List<Object> projections) {
        List<AnnotationEventHandlerAdapter> handlers =
                projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        return transactions.execute(status -> {
            status.setRollbackOnly();
            handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
            for (TrackedEventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> handler.handle(event));
                    }
                }
            }
            return jdbc.execute((ConnectionCallback<Map<String, List<String>>>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    return tables(statement, SEGMENTED_TABLES);
                }
            });
        });
    }

    private static String processingGroup(Object bean) {
        ProcessingGroup group = AopUtils.getTargetClass(bean).getAnnotation(ProcessingGroup.class);
        return group == null ? "" : group.value();
    }

    private Map<String, List<String>> tables() throws SQLException {
        return tables(PROJECTED_TABLES);
    }

    private Map<String, List<String>> tables(List<String> names) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            return tables(statement, names);
        }
    }

    /** Each table's rows, sorted: what a projection wrote, whatever order it wrote it in. */
    private Map<String, List<String>> tables(Statement statement, List<String> names) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : names) {
            List<String> rows;
            try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                rows = rows(result, table);
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    @Test
    void whileAReplayRunsCommandsAreRefusedProcessesPausedAndASecondReplayRejected() throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // The reset's TRUNCATE waits for this lock, holding the replay at its start.
                statement.execute("LOCK TABLE audit_event_index IN ACCESS SHARE MODE");
            }

            Api.Response accepted = admin.post(STATUS + "/audit-index/replay", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(processor(accepted.body(), "audit-index")
                            .path("replaying")
                            .asBoolean())
                    .isTrue();
            await().atMost(REPLAY_TIMEOUT).untilAsserted(() -> {
                JsonNode status = status();
                for (String name : PROCESSES) {
                    assertThat(processor(status, name).path("pausedForReplay").asBoolean())
                            .as(name)
                            .isTrue();
                    assertThat(processor(status, name).path("running").asBoolean())
                            .as(name)
                            .isFalse();
                }
            });

            JsonNode during = status();
            assertThat(during.path("writesPaused").asBoolean()).isTrue();
            assertThat(during.path("replaying").asBoolean()).isTrue();
            assertThat(processor(during, "audit-index")
                            .path("lastReplay")
                            .path("state")
                            .asString())
                    .isEqualTo("REQUESTED");

            Api.Response refused = admin.post("/api/v1/clinics", site("Clinic during replay", "Asia/Riyadh", "SAR"));
            assertProblem(refused, 503, "writes-paused-for-replay");
            assertThat(refused.header("Retry-After")).contains("5");
            assertProblem(admin.post(STATUS + "/audit-index/replay", null), 409, "projection.already-replaying");
            assertProblem(admin.post(STATUS + "/replay", null), 409, "projection.replay-in-progress");
            Api.Response readiness = api.anonymous().get("/actuator/health/readiness");
            assertThat(readiness.status())
                    .as("paused processes keep the instance ready")
                    .isEqualTo(200);

            lock.rollback();
        }

        awaitReplaysFinished();
        Api.Response accepted = admin.post("/api/v1/clinics", site("Clinic after replay", "Asia/Riyadh", "SAR"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void statusListsProcessesAndTheClaimLedgerAsNotReplayableWithTheReason() {
        JsonNode status = status();

        assertThat(status.path("head").isNumber()).isTrue();
        for (String name : PROCESSES) {
            JsonNode process = processor(status, name);
            assertThat(process.path("kind").asString()).isEqualTo("PROCESS");
            assertThat(process.path("mode").asString()).isEqualTo("TRACKING");
            assertThat(process.path("replayable").asBoolean()).isFalse();
            assertThat(process.path("reason").asString()).contains("send commands");
            assertProblem(admin.post(STATUS + "/" + name + "/replay", null), 409, "projection.not-replayable");
        }
        JsonNode claims = processor(status, "scheduling-claims");
        assertThat(claims.path("kind").asString()).isEqualTo("WRITE_GUARD");
        assertThat(claims.path("mode").asString()).isEqualTo("SUBSCRIBING");
        assertThat(claims.path("replayable").asBoolean()).isFalse();
        assertThat(claims.path("reason").asString()).contains("command's own transaction");
        assertThat(claims.path("position").isNull()).isTrue();
        assertProblem(admin.post(STATUS + "/scheduling-claims/replay", null), 409, "projection.not-replayable");

        JsonNode availability = processor(status, "scheduling-availability");
        assertThat(availability.path("kind").asString()).isEqualTo("PROJECTION");
        assertThat(availability.path("replayable").asBoolean()).isTrue();
        assertThat(availability.path("reason").isNull()).isTrue();
        assertThat(availability.path("processingGroups").get(0).asString()).isEqualTo("scheduling-availability");
        assertThat(availability.path("handlers"))
                .extracting(JsonNode::asString)
                .containsExactly("AppointmentTypeProjection", "CalendarProjection", "ScheduleProjection");
        assertThat(availability.path("segments").asInt()).isPositive();
        assertThat(availability.path("segmentsClaimed").asInt())
                .isEqualTo(availability.path("segments").asInt());
        assertThat(availability.path("running").asBoolean()).isTrue();
        assertThat(availability.path("error").asBoolean()).isFalse();
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        assertProblem(admin.post(STATUS + "/no-such-projection/replay", null), 404, "projection.unknown");
    }

    @Test
    void administratorsAndAuditorsReadTheStatusAndOnlyAdministratorsReplay() {
        Api auditor = api.as(Sessions.staff(api, Role.AUDITOR, null, null).accessToken());
        Api manager =
                api.as(Sessions.staff(api, Role.MANAGER, site.clinicId(), null).accessToken());

        assertThat(auditor.get(STATUS).status()).isEqualTo(200);
        assertProblem(manager.get(STATUS), 403, "forbidden");
        assertProblem(auditor.post(STATUS + "/replay", null), 403, "forbidden");
        assertProblem(auditor.post(STATUS + "/audit-index/replay", null), 403, "forbidden");
        assertProblem(manager.post(STATUS + "/replay", null), 403, "forbidden");
        assertProblem(api.anonymous().get(STATUS), 401, "unauthorized");
        assertThat(status().path("replaying").asBoolean()).isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesTheProjectionEndpoints() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json("paths");

        assertThat(paths.has(STATUS)).isTrue();
        assertThat(paths.path(STATUS + "/replay").has("post")).isTrue();
        assertThat(paths.path(STATUS + "/{name}/replay").has("post")).isTrue();
    }

    // --- The activity whose read models a replay must give back unchanged -------------------------

    /** Directory, identity, availability, appointments, queue and waiting list; answers the GETs that show them. */
    private List<String> activity() {
        AvailabilityTestData.Doctor doctor = newDoctor(api, admin, site, "cardiology");
        UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        String schedule = schedulePath(doctor.doctorId(), site.branchId());
        Api.Response defined = admin.header("If-None-Match", "*").put(schedule, everyDay("08:00", "20:00"));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Api reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());

        Api patient = newPatient(api, site.branchId());
        UUID patientId = UUID.fromString(
                awaitOk(patient, "/api/v1/patients/me").json("id").asString());
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        JsonNode slot = awaitOk(
                        reception,
                        "/api/v1/slots?doctorId=" + doctor.doctorId() + "&branchId=" + site.branchId()
                                + "&appointmentTypeId=" + typeId + "&from=" + day + "&to=" + day + "&limit=5")
                .json("items")
                .get(0);
        Api.Response booked = reception.post(
                "/api/v1/appointments",
                Map.of(
                        "patientId",
                        patientId,
                        "slot",
                        Map.of(
                                "doctorId",
                                doctor.doctorId(),
                                "branchId",
                                site.branchId(),
                                "appointmentTypeId",
                                typeId,
                                "start",
                                slot.path("startUtc").asString())));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String appointmentId = booked.json("appointmentId").asString();

        Api.Response ticket = reception.post(
                "/api/v1/queues/" + doctor.doctorId() + "/" + site.branchId() + "/tickets",
                Map.of("patientId", patientId));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);

        Map<String, Object> join = new LinkedHashMap<>();
        join.put("patientId", patientId);
        join.put("doctorId", doctor.doctorId());
        join.put("branchId", site.branchId());
        join.put("appointmentTypeId", typeId);
        join.put("from", LocalDate.now(RIYADH).plusDays(20).toString());
        join.put("to", LocalDate.now(RIYADH).plusDays(30).toString());
        join.put("timesOfDay", List.of(Map.of("from", "08:00", "to", "09:00")));
        Api.Response joined = reception.post("/api/v1/waitlist", join);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);

        GivenNotifications notifications = new GivenNotifications(context);
        notifications.scheduled(patientId, Optional.empty(), site.clinicId());
        notifications.deadLettered(patientId, Optional.empty(), site.clinicId());

        return List.of(
                "/api/v1/clinics/" + site.clinicId(),
                "/api/v1/clinics/" + site.clinicId() + "/branches",
                "/api/v1/doctors/" + doctor.doctorId(),
                "/api/v1/doctors?clinicId=" + site.clinicId(),
                "/api/v1/patients/" + patientId,
                "/api/v1/users/" + doctor.account().userId(),
                "/api/v1/appointment-types/" + typeId,
                schedule,
                "/api/v1/appointments/" + appointmentId,
                "/api/v1/doctors/" + doctor.doctorId() + "/agenda?branchId=" + site.branchId() + "&date=" + day,
                "/api/v1/patients/" + patientId + "/appointments",
                "/api/v1/patients/" + patientId + "/notifications",
                "/api/v1/queues/" + doctor.doctorId() + "/" + site.branchId() + "/" + LocalDate.now(RIYADH),
                "/api/v1/waitlist/" + joined.json("entryId").asString(),
                "/api/v1/waitlist?doctorId=" + doctor.doctorId(),
                "/api/v1/audit/aggregates/appointment/" + appointmentId + "/events");
    }

    private long storeHead() throws SQLException {
        return longQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
    }

    private long auditIndexHead() throws SQLException {
        return longQuery("SELECT coalesce(max(global_index), 0) FROM audit_event_index");
    }

    private long longQuery(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every column of the audit index rows in {@code (after, upTo]}, one string per row. */
    private List<String> auditRows(long after, long upTo) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM audit_event_index WHERE global_index > ? AND global_index <= ?"
                                + " ORDER BY global_index")) {
            query.setLong(1, after);
            query.setLong(2, upTo);
            try (ResultSet result = query.executeQuery()) {
                return rows(result);
            }
        }
    }

    /** Each row as "column=value " pairs, in the result's order. */
    private List<String> rows(ResultSet result) throws SQLException {
        return rows(result, "");
    }

    /**
     * Encrypted columns are compared by what they say: each write seals a value under a fresh nonce,
     * so a row written again holds other ciphertext for the same data.
     */
    private List<String> rows(ResultSet result, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        ResultSetMetaData columns = result.getMetaData();
        while (result.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                String column = columns.getColumnName(i);
                if (SURROGATE_COLUMNS.contains(table + "." + column)) {
                    continue;
                }
                String value = result.getString(i);
                row.append(column)
                        .append('=')
                        .append(value != null && column.endsWith("_enc") ? cipher.decrypt(value) : value)
                        .append(' ');
            }
            rows.add(row.toString());
        }
        return rows;
    }

    /** The admin's view of each path; board fields computed from the clock are left out. */
    private Map<String, JsonNode> snapshot(List<String> paths) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String path : paths) {
            Api.Response response = admin.get(path);
            assertThat(response.status()).as(path + " " + response).isEqualTo(200);
            JsonNode body = response.body().deepCopy();
            if (path.startsWith("/api/v1/queues/")) {
                ((ObjectNode) body).remove("asOf");
                for (JsonNode entry : body.path("waiting")) {
                    ((ObjectNode) entry).remove(List.of("estimatedWaitSeconds", "estimatedCallAt"));
                }
            }
            views.put(path, body);
        }
        return views;
    }

    // --- Status -------------------------------------------------------------------------------------

    private JsonNode status() {
        Api.Response response = admin.get(STATUS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /**
     * Polls the status as the benchmark harness does: done when nothing replays, writes are accepted
     * and every replayable projection's position is the event store's head.
     */
    private JsonNode awaitReplaysFinished() {
        JsonNode[] last = new JsonNode[1];
        await().atMost(REPLAY_TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode status = status();
            last[0] = status;
            assertThat(status.path("replaying").asBoolean())
                    .as(status.toString())
                    .isFalse();
            assertThat(status.path("writesPaused").asBoolean())
                    .as(status.toString())
                    .isFalse();
            for (JsonNode processor : status.path("processors")) {
                String name = processor.path("name").asString();
                assertThat(processor.path("running").asBoolean()).as(name).isTrue();
                if (processor.path("replayable").asBoolean()) {
                    assertThat(processor.path("replaying").asBoolean()).as(name).isFalse();
                    assertThat(processor.path("position")).as(name).isEqualTo(status.path("head"));
                    assertThat(processor.path("behind").asLong()).as(name).isZero();
                }
            }
        });
        return last[0];
    }

    private static JsonNode processor(JsonNode status, String name) {
        for (JsonNode processor : status.path("processors")) {
            if (processor.path("name").asString().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + status);
    }

    private UUID adminUserId() {
        return UUID.fromString(admin.get("/api/v1/me").json("userId").asString());
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json("code").asString()).isEqualTo(code);
    }
}
