package com.clinic;

import static com.clinic.scheduling.availability.AvailabilityTestData.PATIENT_PASSWORD;
import static com.clinic.scheduling.availability.AvailabilityTestData.appointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.patientDetails;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static com.clinic.scheduling.availability.AvailabilityTestData.site;
import static com.clinic.scheduling.availability.AvailabilityTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.notifications.GivenNotifications;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData.Doctor;
import com.clinic.scheduling.availability.AvailabilityTestData.Site;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The authorization matrix: every operation of the OpenAPI document, called by every role on its own
 * things and on another clinic's, answers as one table says ({@code access-matrix.txt} beside this
 * test's resources, one row per operation, reviewable in one screen). The table, not this class, is
 * what a reviewer reads; this class only knows how to call each operation.
 *
 * <p>Two clinics, A and B, each get a branch, a doctor with a schedule, an appointment type, a
 * patient with an account, an appointment, a walk-in ticket, a waiting-list entry and a staff
 * account. The callers all belong to A: the bootstrap ADMIN, A's MANAGER, a RECEPTIONIST of A's
 * branch, A's DOCTOR (the doctor record above), A's PATIENT (the patient above) and an AUDITOR.
 * "own" calls name A's things (for a doctor or patient: their own record, schedule, appointment,
 * ticket, entry, notification); "other" calls name B's (another clinic's, another patient's).
 *
 * <p>A cell's outcomes:
 *
 * <ul>
 *   <li>{@code ok}: the request passed authorization. A 2xx, or a refusal of the request itself that
 *       only an authorized caller can get (400, 409, 412, 422, 428: a state transition that does not
 *       apply, a rule of the domain), since the bodies are valid but a fixture may not be in the state
 *       an action needs. Never 401, 403, 404, 429 or 5xx.
 *   <li>{@code none}: 200, and the answer (a list or search) shows none of the thing probed.
 *   <li>{@code 401}, {@code 403}, {@code 404}: exactly that status. 404 is how an operation hides a
 *       thing the caller may not know exists.
 *   <li>{@code public}: the operation needs no token; it is called without one and must pass.
 * </ul>
 *
 * Every operation that is not public answers 401 without a token. Results do not depend on order: an
 * operation that consumes what it acts on (cancels an appointment, erases a patient, deletes a
 * holiday) gets a fresh one after each call that succeeded. PUTs send {@code If-Match: *} ("whatever
 * version is there", ETags), so the answer is about the caller, never 428. The test speaks HTTP only,
 * so it holds whatever implements the rules.
 *
 * <p>Every answer is also checked against the OpenAPI description: its status is listed for the
 * operation, a problem's code is among that response's {@code x-problem-codes}, an ETag is declared.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final String TABLE = "/access-matrix.txt";
    private static final List<Role> COLUMNS =
            List.of(Role.ADMIN, Role.MANAGER, Role.RECEPTIONIST, Role.DOCTOR, Role.PATIENT, Role.AUDITOR);
    private static final List<String> HEADERS = List.of("ADM", "MGR", "REC", "DOC", "PAT", "AUD");
    private static final Set<String> OUTCOMES = Set.of("ok", "none", "401", "403", "404");
    /** Refusals about the request, not the caller: only a caller who passed authorization gets them. */
    private static final Set<Integer> REFUSALS_OF_THE_REQUEST = Set.of(400, 409, 412, 422, 428);

    private static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");
    private static final HttpClient STREAMS = HttpClient.newHttpClient();
    /** Days ahead for time off, extra sessions and holidays: far from the days whose slots are booked. */
    private static final int FIRST_EDITED_DAY = 90;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    private Api api;
    private Api admin;
    private LocalDate today;
    private World own;
    private World other;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<Role, UUID> notifications = new EnumMap<>(Role.class);
    private final Map<String, Probe<?>> probes = new LinkedHashMap<>();
    /** What a probe acts on, per operation and clinic; dropped once a call changed it. */
    private final Map<String, Object> targets = new HashMap<>();

    private final List<UUID> deadLetters = new ArrayList<>();
    private JsonNode apiDocument;
    private final AtomicInteger editedDays = new AtomicInteger(FIRST_EDITED_DAY);

    @BeforeAll
    void twoClinics() {
        api = Api.on(port);
        Sessions.Session administrator = Sessions.login(api, Sessions.ADMIN_EMAIL, Sessions.ADMIN_PASSWORD);
        admin = api.as(administrator.accessToken());
        today = LocalDate.now(ZONE);
        own = new World("A");
        other = new World("B");

        tokens.put(Role.ADMIN, administrator.accessToken());
        tokens.put(
                Role.MANAGER,
                Sessions.staff(api, Role.MANAGER, own.site.clinicId(), null).accessToken());
        tokens.put(
                Role.RECEPTIONIST,
                Sessions.staff(api, Role.RECEPTIONIST, own.site.clinicId(), own.site.branchId())
                        .accessToken());
        tokens.put(Role.DOCTOR, own.doctor.account().accessToken());
        tokens.put(Role.PATIENT, own.patient.token());
        tokens.put(Role.AUDITOR, Sessions.staff(api, Role.AUDITOR, null, null).accessToken());
        for (Role role : COLUMNS) {
            UUID userId = id(expect(api.as(tokens.get(role)).get("/api/v1/me"), 200), "userId");
            notifications.put(role, newNotification(userId));
        }
        defineProbes();
    }

    // --- the checks ---------------------------------------------------------------------------

    @Test
    void theTableNamesEveryOperationOfTheOpenApiDocumentAndNoOther() {
        Set<String> documented = new LinkedHashSet<>();
        JsonNode paths = expect(api.anonymous().get("/v3/api-docs"), 200).json("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        Set<String> tabled = new LinkedHashSet<>();
        table().forEach(row -> tabled.add(row.operation()));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(COLUMNS).as("a column for every role").containsExactlyInAnyOrder(Role.values());
        softly.assertThat(difference(documented, tabled))
                .as("documented operations missing from " + TABLE)
                .isEmpty();
        softly.assertThat(difference(tabled, documented))
                .as("operations in " + TABLE + " that the OpenAPI document does not have")
                .isEmpty();
        softly.assertThat(difference(tabled, probes.keySet()))
                .as("operations in " + TABLE + " that this test cannot call yet")
                .isEmpty();
        softly.assertThat(difference(probes.keySet(), tabled))
                .as("operations this test calls that " + TABLE + " does not list")
                .isEmpty();
        softly.assertAll();
    }

    @TestFactory
    Stream<DynamicNode> everyRoleGetsWhatTheTableSaysFromEveryOperation() {
        return table().stream().map(this::casesOf);
    }

    private DynamicContainer casesOf(Row row) {
        List<DynamicTest> cases = new ArrayList<>();
        Probe<?> probe = probes.get(row.operation());
        if (row.isPublic()) {
            cases.add(DynamicTest.dynamicTest(
                    "anonymous: public", () -> check(row, probe, new Caller(null, null, true), own, "ok")));
        } else {
            cases.add(DynamicTest.dynamicTest(
                    "anonymous: 401", () -> check(row, probe, new Caller(null, null, true), own, "401")));
            for (Role role : COLUMNS) {
                Cell cell = row.cells().get(role);
                if (probe != null && probe.global()) {
                    cases.add(DynamicTest.dynamicTest(
                            role + ": " + cell.own(),
                            () -> check(row, probe, new Caller(role, tokens.get(role), true), own, cell.own())));
                } else {
                    cases.add(DynamicTest.dynamicTest(
                            role + " own: " + cell.own(),
                            () -> check(row, probe, new Caller(role, tokens.get(role), true), own, cell.own())));
                    cases.add(DynamicTest.dynamicTest(
                            role + " other: " + cell.other(),
                            () -> check(row, probe, new Caller(role, tokens.get(role), false), other, cell.other())));
                }
            }
        }
        return DynamicContainer.dynamicContainer(row.operation(), cases);
    }

    private void check(Row row, Probe<?> probe, Caller caller, World world, String expected) {
        assertThat(probe).as("a probe for " + row.operation()).isNotNull();
        if (probe.global()) {
            assertThat(row.cells().values())
                    .as(row.operation() + " names nothing of a clinic: one outcome per role, not own/other")
                    .allMatch(cell -> cell.own().equals(cell.other()));
        }
        Outcome outcome = probe.call(this, row.operation(), caller, world);
        assertThat(matches(expected, outcome))
                .as(
                        "%s as %s (%s): expected %s, got %s",
                        caller.request,
                        caller.role == null ? "anonymous" : caller.role,
                        world == own ? "own" : "other",
                        expected,
                        outcome)
                .isTrue();
        assertDocumented(row.operation(), outcome.response());
    }

    /**
     * Every answer seen here is one the OpenAPI description lists for the operation: its status,
     * for a problem its code among that response's x-problem-codes, and an ETag it declares.
     */
    private void assertDocumented(String operation, Api.Response response) {
        String[] methodAndPath = operation.split(" ", 2);
        JsonNode responses = apiDocument()
                .path("paths")
                .path(methodAndPath[1])
                .path(methodAndPath[0].toLowerCase(Locale.ROOT))
                .path("responses");
        String status = String.valueOf(response.status());
        assertThat(responses.has(status))
                .as("%s answered %s, which its description does not list: %s", operation, status, response)
                .isTrue();
        // The stream probes read the status only, not a problem's body.
        if (response.status() >= 400 && response.body().has("code")) {
            List<String> codes = new ArrayList<>();
            responses.path(status).path("x-problem-codes").forEach(code -> codes.add(code.asString()));
            assertThat(codes)
                    .as("%s answered %s, whose x-problem-codes do not list it", operation, response)
                    .contains(response.json("code").asString());
        } else if (response.header("ETag").isPresent()) {
            assertThat(responses.path(status).path("headers").has("ETag"))
                    .as("%s answered %s with an ETag its description does not declare", operation, status)
                    .isTrue();
        }
    }

    private JsonNode apiDocument() {
        if (apiDocument == null) {
            apiDocument = expect(api.anonymous().get("/v3/api-docs"), 200).body();
        }
        return apiDocument;
    }

    private static boolean matches(String expected, Outcome outcome) {
        int status = outcome.response().status();
        return switch (expected) {
            case "ok" -> passes(status);
            case "none" ->
                status == 200
                        && outcome.mark() != null
                        && !outcome.response().rawBody().contains(outcome.mark());
            default -> status == Integer.parseInt(expected);
        };
    }

    private static boolean passes(int status) {
        return (status >= 200 && status < 300) || REFUSALS_OF_THE_REQUEST.contains(status);
    }

    // --- the table ----------------------------------------------------------------------------

    /** One operation's row: per role, the outcome on the caller's own things and on another's. */
    record Row(String operation, boolean isPublic, Map<Role, Cell> cells) {}

    record Cell(String own, String other) {}

    private static List<Row> table() {
        String text;
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (String line : text.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                assertThat(List.of(words))
                        .as("the header of " + TABLE)
                        .containsExactlyElementsOf(Stream.concat(Stream.of("operation"), HEADERS.stream())
                                .toList());
                header = true;
                continue;
            }
            String operation = words[0] + " " + (words.length > 1 ? words[1] : "");
            if (words.length == 3 && words[2].equals("public")) {
                rows.add(new Row(operation, true, Map.of()));
                continue;
            }
            assertThat(words)
                    .as("the row of " + operation + ": an operation and six cells")
                    .hasSize(8);
            Map<Role, Cell> cells = new EnumMap<>(Role.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                String[] outcomes = words[2 + i].split("/", -1);
                assertThat(outcomes.length)
                        .as("%s, %s: one outcome or own/other", operation, HEADERS.get(i))
                        .isBetween(1, 2);
                assertThat(OUTCOMES)
                        .as("%s, %s: known outcomes", operation, HEADERS.get(i))
                        .contains(outcomes);
                cells.put(COLUMNS.get(i), new Cell(outcomes[0], outcomes[outcomes.length - 1]));
            }
            rows.add(new Row(operation, false, cells));
        }
        assertThat(rows.stream().map(Row::operation).distinct().count())
                .as("each operation once in " + TABLE)
                .isEqualTo(rows.size());
        return rows;
    }

    private static Set<String> difference(Set<String> from, Set<String> without) {
        Set<String> left = new LinkedHashSet<>(from);
        left.removeAll(without);
        return left;
    }

    // --- calling an operation ---------------------------------------------------------------------

    /** What a call answered, and what a list must not show for {@code none} (null when nothing). */
    record Outcome(Api.Response response, String mark) {

        @Override
        public String toString() {
            String body = response.rawBody();
            return response.status() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Sends one operation's request for a caller, on one clinic's things (the target). */
    @FunctionalInterface
    interface Call<T> {
        Api.Response send(Caller caller, World world, T target);
    }

    /** A target that belongs to a user: on their own clinic's call, that user, not the fixed one, calls. */
    interface Owned {
        Role owner();

        String ownerToken();
    }

    record OwnedPatient(UUID patientId, String ownerToken) implements Owned {
        @Override
        public Role owner() {
            return Role.PATIENT;
        }
    }

    record OwnedDoctor(UUID doctorId, String ownerToken) implements Owned {
        @Override
        public Role owner() {
            return Role.DOCTOR;
        }
    }

    /**
     * How one operation is called: on what ({@code target}, made per clinic, again after a call that
     * changed it when {@code consumed}), with which request, and what a {@code none} answer must not
     * show. A global probe names nothing of a clinic, so it is called once per role.
     */
    record Probe<T>(
            boolean global,
            Function<World, T> target,
            boolean consumed,
            Call<T> request,
            Function<World, String> mark) {

        Outcome call(AccessMatrixTest test, String operation, Caller caller, World world) {
            String key = operation + " @" + world.name;
            @SuppressWarnings("unchecked")
            T on = (T) test.targets.computeIfAbsent(key, k -> target.apply(world));
            Caller sender = caller;
            if (on instanceof Owned owned && caller.own && owned.owner() == caller.role) {
                sender = test.new Caller(caller.role, owned.ownerToken(), true);
            }
            Api.Response response = request.send(sender, world, on);
            caller.request = sender.request;
            if (consumed && response.status() >= 200 && response.status() < 300) {
                test.targets.remove(key);
            }
            return new Outcome(response, mark == null ? null : mark.apply(world));
        }
    }

    /** A caller (anonymous when {@code role} is null) and the last request it sent, for the message. */
    final class Caller {
        final Role role;
        final String token;
        final boolean own;
        String request = "";

        Caller(Role role, String token, boolean own) {
            this.role = role;
            this.token = token;
            this.own = own;
        }

        private Api http() {
            return token == null ? api.anonymous() : api.as(token);
        }

        Api.Response get(String path) {
            request = "GET " + path;
            return http().get(path);
        }

        Api.Response post(String path, Object body) {
            request = "POST " + path;
            return http().post(path, body);
        }

        Api.Response postForm(String path, Map<String, String> fields) {
            request = "POST " + path;
            return http().postForm(path, fields);
        }

        /** A PUT with {@code If-Match: *}: whatever version is there, so the answer is about the caller. */
        Api.Response put(String path, Object body) {
            request = "PUT " + path;
            return http().header("If-Match", "*").put(path, body);
        }

        Api.Response delete(String path) {
            request = "DELETE " + path;
            return http().delete(path);
        }

        /** A stream's status without reading it: an allowed stream never ends. */
        Api.Response stream(String path) {
            request = "GET " + path;
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "text/event-stream")
                    .GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<InputStream> response =
                        STREAMS.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                return new Api.Response(response.statusCode(), response.headers(), MissingNode.getInstance(), "");
            } catch (IOException e) {
                throw new UncheckedIOException("stream " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void on(String operation, Call<World> request) {
        probes.put(operation, new Probe<>(false, world -> world, false, request, null));
    }

    private void search(String operation, Call<World> request, Function<World, String> mark) {
        probes.put(operation, new Probe<>(false, world -> world, false, request, mark));
    }

    private <T> void fresh(String operation, Function<World, T> target, Call<T> request) {
        probes.put(operation, new Probe<>(false, target, true, request, null));
    }

    private void global(String operation, Function<Caller, Api.Response> request) {
        probes.put(operation, new Probe<World>(true, world -> world, false, (c, w, t) -> request.apply(c), null));
    }

    // --- the operations -------------------------------------------------------------------------

    private void defineProbes() {
        Map<String, Object> cancel = Map.of("reason", "PATIENT_REQUEST", "note", "matrix");

        // Sign-in and accounts
        global("POST /api/v1/auth/login", c -> c.post("/api/v1/auth/login", own.credentials()));
        global("POST /api/v1/auth/refresh", c -> c.post("/api/v1/auth/refresh", Map.of("refreshToken", own.signIn())));
        global("POST /api/v1/auth/logout", c -> c.post("/api/v1/auth/logout", Map.of("refreshToken", own.signIn())));
        global(
                "POST /api/v1/auth/activate",
                c -> c.post(
                        "/api/v1/auth/activate",
                        Map.of("token", own.invitation(Role.RECEPTIONIST), "password", Sessions.STAFF_PASSWORD)));
        // An unknown login from a device of its own: answered alike, and budgeted per client and login.
        global("POST /api/v1/auth/password-reset", c -> {
            c.request = "POST /api/v1/auth/password-reset";
            return api.fromNewAddress()
                    .anonymous()
                    .post(
                            "/api/v1/auth/password-reset",
                            Map.of("login", "nobody." + UUID.randomUUID() + "@example.com"));
        });
        // A link that was never issued: refused (422) to anyone, with or without a token.
        global(
                "POST /api/v1/auth/password-reset/complete",
                c -> c.post(
                        "/api/v1/auth/password-reset/complete",
                        Map.of("token", "never-issued-" + UUID.randomUUID(), "password", "Matrix-Passw0rd!2026")));
        global("POST /api/v1/auth/register", c -> {
            // From a device of its own: self-registration is budgeted per client address (ADR 0013).
            c.request = "POST /api/v1/auth/register";
            return api.fromNewAddress().anonymous().post("/api/v1/auth/register", own.registration());
        });
        global("GET /.well-known/jwks.json", c -> c.get("/.well-known/jwks.json"));
        global("GET /api/v1/me", c -> c.get("/api/v1/me"));
        // A wrong current password: the account is refused a change (422), and no session ends.
        global(
                "PUT /api/v1/me/password",
                c -> c.put(
                        "/api/v1/me/password",
                        Map.of("currentPassword", "Not-The-Passw0rd!", "newPassword", "Matrix-Passw0rd!2026")));
        global("GET /api/v1/users", c -> c.get("/api/v1/users"));
        on("POST /api/v1/users", (c, w, t) -> c.post("/api/v1/users", w.invite(Role.RECEPTIONIST)));
        on("GET /api/v1/users/{userId}", (c, w, t) -> c.get("/api/v1/users/" + w.staffUserId));
        on(
                "PUT /api/v1/users/{userId}/role",
                (c, w, t) -> c.put(
                        "/api/v1/users/" + w.staffUserId + "/role",
                        Map.of("role", "RECEPTIONIST", "clinicId", w.clinicId(), "branchId", w.branchId())));
        fresh(
                "POST /api/v1/users/{userId}/disable",
                w -> w.invited(Role.RECEPTIONIST),
                (c, w, user) -> c.post("/api/v1/users/" + user + "/disable", null));
        on(
                "POST /api/v1/users/{userId}/enable",
                (c, w, t) -> c.post("/api/v1/users/" + w.staffUserId + "/enable", null));

        // Directory
        global("GET /api/v1/clinics", c -> c.get("/api/v1/clinics"));
        global("POST /api/v1/clinics", c -> c.post("/api/v1/clinics", site("Matrix " + unique(), ZONE.getId(), "SAR")));
        on("GET /api/v1/clinics/{clinicId}", (c, w, t) -> c.get(w.clinic()));
        on(
                "PUT /api/v1/clinics/{clinicId}",
                (c, w, t) -> c.put(w.clinic(), site("Clinic " + unique(), ZONE.getId(), "SAR")));
        on("GET /api/v1/clinics/{clinicId}/branches", (c, w, t) -> c.get(w.clinic() + "/branches"));
        on(
                "POST /api/v1/clinics/{clinicId}/branches",
                (c, w, t) -> c.post(w.clinic() + "/branches", site("Branch " + unique(), ZONE.getId(), null)));
        on("GET /api/v1/clinics/{clinicId}/branches/{branchId}", (c, w, t) -> c.get(w.branch()));
        on(
                "PUT /api/v1/clinics/{clinicId}/branches/{branchId}",
                (c, w, t) -> c.put(w.branch(), site("Branch " + unique(), ZONE.getId(), null)));
        on("GET /api/v1/doctors", (c, w, t) -> c.get("/api/v1/doctors?clinicId=" + w.clinicId()));
        fresh(
                "POST /api/v1/doctors",
                w -> w.invited(Role.DOCTOR),
                (c, w, user) -> c.post(
                        "/api/v1/doctors", Map.of("userId", user, "clinicId", w.clinicId(), "profile", w.profile())));
        on("GET /api/v1/doctors/{doctorId}", (c, w, t) -> c.get(w.doctor()));
        on("PUT /api/v1/doctors/{doctorId}", (c, w, t) -> c.put(w.doctor(), w.profile()));
        fresh(
                "POST /api/v1/doctors/{doctorId}/deactivate",
                World::ownedDoctor,
                (c, w, d) -> c.post("/api/v1/doctors/" + d.doctorId() + "/deactivate", null));
        on("POST /api/v1/doctors/{doctorId}/activate", (c, w, t) -> c.post(w.doctor() + "/activate", null));
        search(
                "GET /api/v1/patients",
                (c, w, t) ->
                        c.get("/api/v1/patients?name=" + URLEncoder.encode(w.patient.name(), StandardCharsets.UTF_8)),
                w -> w.patient.patientId().toString());
        on(
                "POST /api/v1/patients",
                (c, w, t) ->
                        c.post("/api/v1/patients", Map.of("homeBranchId", w.branchId(), "patient", patientDetails())));
        global("GET /api/v1/patients/me", c -> c.get("/api/v1/patients/me"));
        on("GET /api/v1/patients/{patientId}", (c, w, t) -> c.get(w.patient()));
        on("PUT /api/v1/patients/{patientId}", (c, w, t) -> c.put(w.patient(), w.patient.details()));
        fresh(
                "POST /api/v1/patients/{patientId}/erase",
                World::ownedPatient,
                (c, w, p) -> c.post("/api/v1/patients/" + p.patientId() + "/erase", null));

        // Availability
        on("GET /api/v1/appointment-types", (c, w, t) -> c.get("/api/v1/appointment-types?clinicId=" + w.clinicId()));
        on(
                "POST /api/v1/appointment-types",
                (c, w, t) -> c.post("/api/v1/appointment-types", appointmentType(w.clinicId(), 30, 1)));
        on("GET /api/v1/appointment-types/{appointmentTypeId}", (c, w, t) -> c.get(w.type()));
        on(
                "PUT /api/v1/appointment-types/{appointmentTypeId}",
                (c, w, t) -> c.put(w.type(), appointmentType(w.clinicId(), 30, 1)));
        fresh(
                "POST /api/v1/appointment-types/{appointmentTypeId}/deactivate",
                w -> newAppointmentType(admin, w.clinicId(), 30, 1),
                (c, w, type) -> c.post("/api/v1/appointment-types/" + type + "/deactivate", null));
        on("GET /api/v1/doctors/{doctorId}/branches/{branchId}/schedule", (c, w, t) -> c.get(w.schedule()));
        on(
                "PUT /api/v1/doctors/{doctorId}/branches/{branchId}/schedule",
                (c, w, t) -> c.put(w.schedule(), everyDay("08:00", "20:00")));
        on(
                "POST /api/v1/doctors/{doctorId}/branches/{branchId}/schedule/time-off",
                (c, w, t) -> c.post(w.schedule() + "/time-off", period(editedDay(), 10)));
        fresh(
                "DELETE /api/v1/doctors/{doctorId}/branches/{branchId}/schedule/time-off/{timeOffId}",
                w -> w.added("/time-off", 10),
                (c, w, id) -> c.delete(w.schedule() + "/time-off/" + id));
        on(
                "POST /api/v1/doctors/{doctorId}/branches/{branchId}/schedule/extra-sessions",
                (c, w, t) -> c.post(w.schedule() + "/extra-sessions", period(editedDay(), 21)));
        fresh(
                "DELETE /api/v1/doctors/{doctorId}/branches/{branchId}/schedule/extra-sessions/{sessionId}",
                w -> w.added("/extra-sessions", 21),
                (c, w, id) -> c.delete(w.schedule() + "/extra-sessions/" + id));
        on(
                "GET /api/v1/branches/{branchId}/holidays",
                (c, w, t) -> c.get(w.holidays() + "?from=" + today + "&to=" + today.plusDays(30)));
        on("POST /api/v1/branches/{branchId}/holidays", (c, w, t) -> c.post(w.holidays(), holidayBody(editedDay())));
        fresh(
                "DELETE /api/v1/branches/{branchId}/holidays/{date}",
                World::holiday,
                (c, w, date) -> c.delete(w.holidays() + "/" + date));
        on(
                "GET /api/v1/slots",
                (c, w, t) -> c.get("/api/v1/slots?doctorId=" + w.doctor.doctorId() + "&branchId=" + w.branchId()
                        + "&appointmentTypeId=" + w.typeId + "&from=" + today.plusDays(3) + "&to="
                        + today.plusDays(4)));

        // Appointments
        on("POST /api/v1/appointments/holds", (c, w, t) -> c.post("/api/v1/appointments/holds", w.booking()));
        on("POST /api/v1/appointments", (c, w, t) -> c.post("/api/v1/appointments", w.booking()));
        on(
                "POST /api/v1/appointments/series",
                (c, w, t) -> c.post(
                        "/api/v1/appointments/series",
                        Map.of("patientId", w.patient.patientId(), "first", w.slot(w.seriesSlots), "occurrences", 2)));
        on("GET /api/v1/appointments/{appointmentId}", (c, w, t) -> c.get("/api/v1/appointments/" + w.appointmentId));
        appointmentAction("confirm", w -> Map.of());
        appointmentAction("reschedule", w -> Map.of("slot", w.slot(w.slots)));
        appointmentAction("cancel", w -> cancel);
        appointmentAction("check-in", w -> null);
        appointmentAction("start", w -> null);
        appointmentAction("complete", w -> null);
        appointmentAction("no-show", w -> null);
        on(
                "GET /api/v1/doctors/{doctorId}/agenda",
                (c, w, t) -> c.get(w.doctor() + "/agenda?branchId=" + w.branchId() + "&date=" + today));
        on(
                "GET /api/v1/branches/{branchId}/calendar",
                (c, w, t) -> c.get(
                        "/api/v1/branches/" + w.branchId() + "/calendar?from=" + today + "&to=" + today.plusDays(7)));
        global("GET /api/v1/me/appointments", c -> c.get("/api/v1/me/appointments"));
        on("GET /api/v1/patients/{patientId}/appointments", (c, w, t) -> c.get(w.patient() + "/appointments"));

        // Walk-in queue
        on(
                "POST /api/v1/queues/{doctorId}/{branchId}/tickets",
                (c, w, t) -> c.post(w.queue() + "/tickets", Map.of("patientId", w.patient.patientId())));
        on("POST /api/v1/queues/{doctorId}/{branchId}/call-next", (c, w, t) -> c.post(w.queue() + "/call-next", null));
        on("GET /api/v1/queues/{doctorId}/{branchId}/{date}", (c, w, t) -> c.get(w.queue() + "/" + today));
        on(
                "GET /api/v1/queues/{doctorId}/{branchId}/{date}/stream",
                (c, w, t) -> c.stream(w.queue() + "/" + today + "/stream"));
        on("GET /api/v1/queues/tickets/{ticketId}", (c, w, t) -> c.get("/api/v1/queues/tickets/" + w.ticketId));
        on(
                "GET /api/v1/queues/tickets/{ticketId}/stream",
                (c, w, t) -> c.stream("/api/v1/queues/tickets/" + w.ticketId + "/stream"));
        ticketAction("recall", w -> null);
        ticketAction("skip", w -> null);
        ticketAction("no-show", w -> null);
        ticketAction("prioritise", w -> Map.of("priority", "ELDERLY", "reason", "matrix"));
        ticketAction("transfer", w -> Map.of("toDoctorId", w.doctor.doctorId()));
        ticketAction("start", w -> null);
        ticketAction("finish", w -> null);

        // Waiting list
        search(
                "GET /api/v1/waitlist",
                (c, w, t) -> c.get("/api/v1/waitlist?branchId=" + w.branchId()),
                w -> w.entryId.toString());
        on("POST /api/v1/waitlist", (c, w, t) -> c.post("/api/v1/waitlist", w.waitlistEntry()));
        on("GET /api/v1/waitlist/{entryId}", (c, w, t) -> c.get("/api/v1/waitlist/" + w.entryId));
        fresh("DELETE /api/v1/waitlist/{entryId}", World::entry, (c, w, e) -> c.delete("/api/v1/waitlist/" + e));
        for (String action : List.of("withdraw", "offer/accept", "offer/decline")) {
            fresh(
                    "POST /api/v1/waitlist/{entryId}/" + action,
                    World::entry,
                    (c, w, e) -> c.post(
                            "/api/v1/waitlist/" + e + "/" + action, action.equals("withdraw") ? null : Map.of()));
        }

        // Notifications, audit and operations
        global("GET /api/v1/me/notifications", c -> c.get("/api/v1/me/notifications"));
        on(
                "POST /api/v1/me/notifications/{notificationId}/read",
                (c, w, t) -> c.post(
                        "/api/v1/me/notifications/" + (w == own ? ownNotification(c) : w.notificationId) + "/read",
                        null));
        global("GET /api/v1/me/notifications/unread-count", c -> c.get("/api/v1/me/notifications/unread-count"));
        global("GET /api/v1/me/notifications/stream", c -> c.stream("/api/v1/me/notifications/stream"));
        global(
                "PUT /api/v1/me/devices/{deviceId}",
                c -> c.put(
                        "/api/v1/me/devices/matrix-phone",
                        Map.of("token", "matrix-" + unique(), "platform", "ANDROID")));
        // Registered first, so that every caller removes a device of their own.
        global("DELETE /api/v1/me/devices/{deviceId}", c -> {
            c.put("/api/v1/me/devices/matrix-gone", Map.of("token", "gone-" + unique(), "platform", "WEB"));
            return c.delete("/api/v1/me/devices/matrix-gone");
        });
        global("GET /api/v1/me/notification-preferences", c -> c.get("/api/v1/me/notification-preferences"));
        global(
                "PUT /api/v1/me/notification-preferences",
                c -> c.put(
                        "/api/v1/me/notification-preferences",
                        Map.of("channels", Map.of("REMINDERS", List.of("SMS", "PUSH")))));
        on("GET /api/v1/patients/{patientId}/notifications", (c, w, t) -> c.get(w.patient() + "/notifications"));
        on(
                "GET /api/v1/admin/notifications/counts",
                (c, w, t) -> c.get("/api/v1/admin/notifications/counts?clinicId=" + w.clinicId() + "&from="
                        + today.minusDays(1).atStartOfDay(ZONE).toInstant() + "&to="
                        + today.plusDays(1).atStartOfDay(ZONE).toInstant()));
        on(
                "GET /api/v1/admin/notifications/dead-letters",
                (c, w, t) -> c.get("/api/v1/admin/notifications/dead-letters?clinicId=" + w.clinicId()));
        // A reminder that waits: an authorized caller is told it is not dead-lettered (409), nothing is sent.
        on(
                "POST /api/v1/admin/notifications/{notificationId}/redrive",
                (c, w, t) -> c.post("/api/v1/admin/notifications/" + w.reminderId + "/redrive", null));
        global("GET /api/v1/notifications/channels", c -> c.get("/api/v1/notifications/channels"));
        on(
                "POST /api/v1/invoices",
                (c, w, t) -> c.post(
                        "/api/v1/invoices",
                        Map.of("branchId", w.branchId(), "patientId", w.patient.patientId(), "lines", List.of())));
        on("GET /api/v1/invoices/{invoiceId}", (c, w, t) -> c.get(w.invoice()));
        on(
                "GET /api/v1/appointments/{appointmentId}/invoice",
                (c, w, t) -> c.get("/api/v1/appointments/" + w.appointmentId + "/invoice"));
        on(
                "POST /api/v1/invoices/{invoiceId}/lines",
                (c, w, t) -> c.post(
                        w.invoice() + "/lines", Map.of("kind", "LAB", "description", "CBC", "unitPrice", "45.00")));
        on(
                "DELETE /api/v1/invoices/{invoiceId}/lines/{lineId}",
                (c, w, t) -> c.delete(w.invoice() + "/lines/" + UUID.randomUUID()));
        on("POST /api/v1/invoices/{invoiceId}/issue", (c, w, t) -> c.post(w.invoice() + "/issue", null));
        on("POST /api/v1/invoices/{invoiceId}/void", (c, w, t) -> c.post(w.invoice() + "/void", null));
        on(
                "POST /api/v1/invoices/{invoiceId}/payments",
                (c, w, t) -> c.post(w.invoice() + "/payments", Map.of("method", "CASH", "amount", "100000.00")));
        on(
                "POST /api/v1/invoices/{invoiceId}/refunds",
                (c, w, t) -> c.post(
                        w.invoice() + "/refunds",
                        Map.of("paymentId", w.paymentId, "amount", "20.00", "reason", "GOODWILL")));
        on(
                "POST /api/v1/invoices/{invoiceId}/credits",
                (c, w, t) -> c.post(w.invoice() + "/credits", Map.of("amount", "100000.00", "kind", "WRITE_OFF")));
        on(
                "GET /api/v1/branches/{branchId}/invoices",
                (c, w, t) -> c.get("/api/v1/branches/" + w.branchId() + "/invoices"));
        on("GET /api/v1/patients/{patientId}/invoices", (c, w, t) -> c.get(w.patient() + "/invoices"));
        global("GET /api/v1/me/invoices", c -> c.get("/api/v1/me/invoices"));
        on(
                "POST /api/v1/invoices/{invoiceId}/card-payments",
                (c, w, t) -> c.post(w.invoice() + "/card-payments", null));
        // Each caller opens a shift of their own once (a second is refused, 409); closing the world's
        // shift closes it once (then 409).
        on(
                "POST /api/v1/branches/{branchId}/shifts",
                (c, w, t) -> c.post("/api/v1/branches/" + w.branchId() + "/shifts", Map.of("openingFloat", "0.00")));
        on(
                "POST /api/v1/shifts/{shiftId}/close",
                (c, w, t) -> c.post("/api/v1/shifts/" + w.shiftId + "/close", Map.of("counted", "0.00")));
        on("GET /api/v1/shifts/{shiftId}", (c, w, t) -> c.get("/api/v1/shifts/" + w.shiftId));
        on(
                "GET /api/v1/invoices/{invoiceId}/payments/{paymentId}/receipt",
                (c, w, t) -> c.get(w.invoice() + "/payments/" + w.paymentId + "/receipt"));
        global("GET /api/v1/payments/card-availability", c -> c.get("/api/v1/payments/card-availability"));
        // Stripe holds no token: anyone reaches the endpoint, and an unsigned event is refused (400) unread.
        global("POST /api/v1/webhooks/payments/stripe", c -> c.post("/api/v1/webhooks/payments/stripe", "{}"));
        // Providers hold no token: anyone reaches the endpoint, and an unsigned report is refused (400) unread.
        // A link this server never made: the page to anyone; posting it is refused (422), nobody unsubscribed.
        global("GET /api/v1/unsubscribe/{token}", c -> c.get("/api/v1/unsubscribe/0.0"));
        global(
                "POST /api/v1/unsubscribe/{token}",
                c -> c.postForm("/api/v1/unsubscribe/0.0", Map.of("List-Unsubscribe", "One-Click")));
        global("POST /api/v1/webhooks/email", c -> c.post("/api/v1/webhooks/email", List.of()));
        global(
                "POST /api/v1/webhooks/sms/status",
                c -> c.postForm(
                        "/api/v1/webhooks/sms/status",
                        Map.of("MessageSid", "SM" + "0".repeat(32), "MessageStatus", "delivered")));
        global(
                "POST /api/v1/webhooks/sms/inbound",
                c -> c.postForm("/api/v1/webhooks/sms/inbound", Map.of("From", "+966500000000", "Body", "STOP")));
        global("GET /api/v1/audit/events", c -> c.get("/api/v1/audit/events"));
        on(
                "GET /api/v1/audit/aggregates/{type}/{id}/events",
                (c, w, t) -> c.get("/api/v1/audit/aggregates/patient/" + w.patient.patientId() + "/events"));
        global("GET /api/v1/admin/projections", c -> c.get("/api/v1/admin/projections"));
        global("POST /api/v1/admin/projections/replay", c -> {
            Api.Response response = c.post("/api/v1/admin/projections/replay", null);
            if (response.status() == 202) {
                awaitReplaysFinished();
            }
            return response;
        });
        // A process, not a projection: an administrator is told it is not replayable (409), nothing replays.
        global(
                "POST /api/v1/admin/projections/{name}/replay",
                c -> c.post("/api/v1/admin/projections/scheduling-queue-admission/replay", null));
        global("GET /api/v1/admin/dead-letters", c -> c.get("/api/v1/admin/dead-letters"));
        global("POST /api/v1/admin/claims/rebuild", c -> c.post("/api/v1/admin/claims/rebuild", null));
        global(
                "POST /api/v1/admin/dead-letters/{processingGroup}/retry",
                c -> c.post("/api/v1/admin/dead-letters/directory-clinics/retry", null));
        // A real dead letter, so that an administrator's retry finds one; it applies it, and it is gone.
        probes.put(
                "POST /api/v1/admin/dead-letters/{processingGroup}/sequences/{sequenceId}/retry",
                new Probe<UUID>(
                        true,
                        w -> deadLetter(),
                        false,
                        (c, w, clinic) -> c.post(
                                "/api/v1/admin/dead-letters/directory-clinics/sequences/" + clinic + "/retry", null),
                        null));
    }

    private void appointmentAction(String action, Function<World, Object> body) {
        fresh(
                "POST /api/v1/appointments/{appointmentId}/" + action,
                World::appointment,
                (c, w, appointment) -> c.post("/api/v1/appointments/" + appointment + "/" + action, body.apply(w)));
    }

    private void ticketAction(String action, Function<World, Object> body) {
        fresh(
                "POST /api/v1/queues/tickets/{ticketId}/" + action,
                World::ticket,
                (c, w, ticket) -> c.post("/api/v1/queues/tickets/" + ticket + "/" + action, body.apply(w)));
    }

    private UUID ownNotification(Caller caller) {
        return notifications.get(caller.role == null ? Role.PATIENT : caller.role);
    }

    // --- the two clinics ------------------------------------------------------------------------

    /** A patient who registered themself, signed in. */
    record Registered(UUID patientId, UUID userId, String token, String name, Map<String, Object> details) {}

    /** One clinic and its things; A's are the callers' own, B's another clinic's. */
    final class World {
        final String name;
        final Site site;
        final Doctor doctor;
        final UUID typeId;
        final Registered patient;
        final Deque<String> slots;
        final Deque<String> seriesSlots;
        final UUID appointmentId;
        final UUID ticketId;
        final UUID entryId;
        final UUID staffUserId;
        final UUID notificationId;
        /** A reminder to the patient that waits a week: in the history, never dead-lettered. */
        final UUID reminderId;
        /** An issued invoice of the patient with a cash payment of 10.00 on it. */
        final UUID invoiceId;

        final UUID paymentId;

        /** A cash-drawer shift the administrator opened at the branch. */
        final UUID shiftId;

        World(String name) {
            this.name = name;
            site = newSite(admin, ZONE.getId());
            doctor = newDoctor(api, admin, site, "dermatology");
            typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
            expect(admin.header("If-None-Match", "*").put(schedule(), everyDay("08:00", "20:00")), 201);
            patient = register();
            // Slots of days 2 to 29 for single bookings; series start on days 60 to 66, so that their
            // weekly repeats (days 67 to 73) are never handed out.
            slots = new ArrayDeque<>(freeSlots(2, 29));
            seriesSlots = new ArrayDeque<>(freeSlots(60, 66));
            appointmentId = appointment();
            ticketId = ticket();
            entryId = entry(typeId);
            staffUserId = invited(Role.RECEPTIONIST);
            notificationId = newNotification(patient.userId());
            reminderId = new GivenNotifications(context)
                    .scheduled(patient.patientId(), Optional.of(patient.userId()), clinicId());
            Api.Response opened = expect(
                    admin.post(
                            "/api/v1/invoices",
                            Map.of(
                                    "branchId",
                                    branchId(),
                                    "patientId",
                                    patient.patientId(),
                                    "lines",
                                    List.of(Map.of(
                                            "kind", "PROCEDURE", "description", "Dressing", "unitPrice", "100.00")))),
                    201);
            invoiceId = id(opened, "id");
            expect(admin.post(invoice() + "/issue", null), 204);
            paymentId = id(
                    expect(admin.post(invoice() + "/payments", Map.of("method", "CASH", "amount", "10.00")), 201),
                    "id");
            shiftId = id(
                    expect(
                            admin.post("/api/v1/branches/" + branchId() + "/shifts", Map.of("openingFloat", "50.00")),
                            201),
                    "id");
            // The booking's invoice comes from scheduling's facts, a moment after the booking.
            awaitOk(admin, "/api/v1/appointments/" + appointmentId + "/invoice");
        }

        String invoice() {
            return "/api/v1/invoices/" + invoiceId;
        }

        UUID clinicId() {
            return site.clinicId();
        }

        UUID branchId() {
            return site.branchId();
        }

        String clinic() {
            return "/api/v1/clinics/" + clinicId();
        }

        String branch() {
            return clinic() + "/branches/" + branchId();
        }

        String doctor() {
            return "/api/v1/doctors/" + doctor.doctorId();
        }

        String patient() {
            return "/api/v1/patients/" + patient.patientId();
        }

        String type() {
            return "/api/v1/appointment-types/" + typeId;
        }

        String schedule() {
            return schedulePath(doctor.doctorId(), branchId());
        }

        String holidays() {
            return "/api/v1/branches/" + branchId() + "/holidays";
        }

        String queue() {
            return "/api/v1/queues/" + doctor.doctorId() + "/" + branchId();
        }

        private Registered register() {
            Map<String, Object> registration = registration();
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) registration.get("patient");
            expect(api.fromNewAddress().anonymous().post("/api/v1/auth/register", registration), 201);
            String token = Sessions.login(api, (String) details.get("email"), PATIENT_PASSWORD)
                    .accessToken();
            Api self = api.as(token);
            return new Registered(
                    id(expect(self.get("/api/v1/patients/me"), 200), "id"),
                    id(expect(self.get("/api/v1/me"), 200), "userId"),
                    token,
                    (String) details.get("nameEn"),
                    details);
        }

        /** A self-registration at this clinic's branch, with a fresh e-mail. */
        Map<String, Object> registration() {
            Map<String, Object> details = patientDetails();
            details.put("email", "matrix." + unique() + "@example.com");
            details.put("preferredLanguage", "ar");
            details.put(
                    "consents",
                    Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
            return Map.of("homeBranchId", branchId(), "patient", details, "password", PATIENT_PASSWORD);
        }

        OwnedPatient ownedPatient() {
            Registered registered = register();
            return new OwnedPatient(registered.patientId(), registered.token());
        }

        OwnedDoctor ownedDoctor() {
            Doctor fresh = newDoctor(api, admin, site, "dermatology");
            return new OwnedDoctor(fresh.doctorId(), fresh.account().accessToken());
        }

        Map<String, Object> profile() {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("nameAr", "د. " + unique());
            profile.put("nameEn", "Dr. " + unique());
            profile.put("branchIds", List.of(branchId()));
            profile.put("specialties", List.of("dermatology"));
            profile.put("languages", List.of("ar"));
            profile.put("fees", List.of());
            return profile;
        }

        Map<String, Object> invite(Role role) {
            return Map.of(
                    "email",
                    role.name().toLowerCase(Locale.ROOT) + ".matrix." + unique() + "@clinic.test",
                    "role",
                    role.name(),
                    "clinicId",
                    clinicId(),
                    "branchId",
                    branchId());
        }

        UUID invited(Role role) {
            return id(expect(admin.post("/api/v1/users", invite(role)), 201), "userId");
        }

        String invitation(Role role) {
            return expect(admin.post("/api/v1/users", invite(role)), 201)
                    .json("activationToken")
                    .asString();
        }

        /** A sign-in of this clinic's patient: its refresh token. */
        String signIn() {
            return expect(api.anonymous().post("/api/v1/auth/login", credentials()), 200)
                    .json("refreshToken")
                    .asString();
        }

        Map<String, Object> credentials() {
            return Map.of("login", patient.details().get("email"), "password", PATIENT_PASSWORD);
        }

        private List<String> freeSlots(int fromDay, int toDay) {
            List<String> free = new ArrayList<>();
            for (int day = fromDay; day <= toDay && free.size() < 200; day++) {
                LocalDate date = today.plusDays(day);
                expect(
                                admin.get("/api/v1/slots?doctorId=" + doctor.doctorId() + "&branchId=" + branchId()
                                        + "&appointmentTypeId=" + typeId + "&from=" + date + "&to=" + date
                                        + "&limit=50"),
                                200)
                        .json("items")
                        .forEach(slot -> free.add(slot.path("startUtc").asString()));
            }
            assertThat(free).as("free slots of clinic " + name).hasSizeGreaterThan(100);
            return free;
        }

        Map<String, Object> slot(Deque<String> from) {
            String start = from.pop();
            return Map.of(
                    "doctorId", doctor.doctorId(), "branchId", branchId(), "appointmentTypeId", typeId, "start", start);
        }

        Map<String, Object> booking() {
            return Map.of("patientId", patient.patientId(), "slot", slot(slots));
        }

        UUID appointment() {
            return id(expect(admin.post("/api/v1/appointments", booking()), 201), "appointmentId");
        }

        UUID ticket() {
            return id(
                    expect(admin.post(queue() + "/tickets", Map.of("patientId", patient.patientId())), 201),
                    "ticketId");
        }

        /** A waiting-list entry of this clinic's patient for the fixed appointment type. */
        Map<String, Object> waitlistEntry() {
            return waitlistEntry(typeId);
        }

        Map<String, Object> waitlistEntry(UUID appointmentTypeId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("patientId", patient.patientId());
            body.put("doctorId", doctor.doctorId());
            body.put("branchId", branchId());
            body.put("appointmentTypeId", appointmentTypeId);
            body.put("from", today.toString());
            body.put("to", today.plusDays(14).toString());
            return body;
        }

        /** A patient waits once per doctor, branch and type: another entry needs a type of its own. */
        UUID entry() {
            return entry(newAppointmentType(admin, clinicId(), 30, 1));
        }

        UUID entry(UUID appointmentTypeId) {
            return id(expect(admin.post("/api/v1/waitlist", waitlistEntry(appointmentTypeId)), 201), "entryId");
        }

        UUID added(String what, int hour) {
            return id(expect(admin.post(schedule() + what, period(editedDay(), hour)), 201), "id");
        }

        LocalDate holiday() {
            LocalDate date = editedDay();
            expect(admin.post(holidays(), holidayBody(date)), 201);
            return date;
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private UUID newNotification(UUID recipient) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into in_app_notification (id, recipient_user_id, template, parameters, created_at)"
                        + " values (?, ?, 'waitlist.offered', '{}'::jsonb, now())",
                id,
                recipient);
        return id;
    }

    /**
     * A clinic whose creation the clinic directory's projection could not apply: the read model gets a
     * constraint (as a tightening migration would) that the name violates, only for that one insert.
     * Answers the clinic's id, the dead letter's sequence.
     */
    private UUID deadLetter() {
        String constraint = "ck_access_matrix_" + unique();
        String refused = "Refused " + unique();
        jdbc.execute("ALTER TABLE clinic_view ADD CONSTRAINT " + constraint + " CHECK (name_en NOT LIKE '" + refused
                + "%') NOT VALID");
        UUID clinic;
        try {
            clinic = id(expect(admin.post("/api/v1/clinics", site(refused, ZONE.getId(), "SAR")), 201), "id");
        } finally {
            jdbc.execute("ALTER TABLE clinic_view DROP CONSTRAINT IF EXISTS " + constraint);
        }
        deadLetters.add(clinic);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettersOf(clinic) > 0);
        return clinic;
    }

    private long deadLettersOf(UUID sequence) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE processinggroup = 'directory-clinics'"
                        + " AND sequenceidentifier = ?",
                Long.class,
                sequence.toString());
        return count == null ? 0 : count;
    }

    /** Whatever a failed case left, no dead letter of this test outlives it: the others expect a healthy instance. */
    @AfterAll
    void retryWhatIsLeft() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (UUID sequence : deadLetters) {
                if (deadLettersOf(sequence) > 0) {
                    admin.post("/api/v1/admin/dead-letters/directory-clinics/sequences/" + sequence + "/retry", null);
                }
                assertThat(deadLettersOf(sequence))
                        .as("dead letters of clinic " + sequence)
                        .isZero();
            }
        });
    }

    private LocalDate editedDay() {
        return today.plusDays(editedDays.getAndIncrement());
    }

    private static Map<String, Object> period(LocalDate day, int hour) {
        return Map.of(
                "start", day + "T" + String.format(Locale.ROOT, "%02d", hour) + ":00:00",
                "end", day + "T" + String.format(Locale.ROOT, "%02d", hour + 1) + ":00:00");
    }

    private static Map<String, Object> holidayBody(LocalDate date) {
        return Map.of("date", date.toString(), "nameAr", "عطلة", "nameEn", "Holiday");
    }

    private void awaitReplaysFinished() {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    JsonNode status =
                            expect(admin.get("/api/v1/admin/projections"), 200).body();
                    assertThat(status.path("replaying").asBoolean())
                            .as(status.toString())
                            .isFalse();
                    assertThat(status.path("writesPaused").asBoolean())
                            .as(status.toString())
                            .isFalse();
                });
    }

    private static Api.Response expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static UUID id(Api.Response response, String field) {
        return UUID.fromString(response.json(field).asString());
    }
}
