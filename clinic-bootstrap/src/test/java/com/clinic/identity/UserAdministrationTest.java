package com.clinic.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.identity.UserAccounts.PatientSignUp;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProviderFakes;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;
    /** Scopes are checked against the directory, so invitations name a real clinic and branch. */
    UUID clinic;

    UUID branch;
    UUID otherClinic;
    UUID otherBranch;

    @BeforeAll
    void createClinics() {
        Api asAdmin = Api.on(port).as(Sessions.admin(Api.on(port)));
        AvailabilityTestData.Site site = AvailabilityTestData.newSite(asAdmin, "Asia/Riyadh");
        AvailabilityTestData.Site other = AvailabilityTestData.newSite(asAdmin, "Asia/Riyadh");
        clinic = site.clinicId();
        branch = site.branchId();
        otherClinic = other.clinicId();
        otherBranch = other.branchId();
    }

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        admin = Sessions.admin(api);
    }

    @Test
    void anInvitedDoctorActivatesOnceAndSignsIn() {
        String email = "dr-" + UUID.randomUUID() + "@clinic.test";
        Api.Response created = api.as(admin).post("/api/v1/users", invite(email, "DOCTOR", clinic, branch));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(created.header("Location"))
                .contains("/api/v1/users/" + created.json("userId").asString());
        String token = created.json("activationToken").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        Api.Response beforeActivation = IdentityTestSupport.fromOwnAddress(api)
                .post("/api/v1/auth/login", IdentityTestSupport.login(email, Sessions.STAFF_PASSWORD));
        assertThat(beforeActivation.status()).isEqualTo(401);

        Api.Response activated =
                api.post("/api/v1/auth/activate", Map.of("token", token, "password", Sessions.STAFF_PASSWORD));
        assertThat(activated.status()).isEqualTo(204);
        Api.Response again =
                api.post("/api/v1/auth/activate", Map.of("token", token, "password", Sessions.STAFF_PASSWORD));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json("code").asString()).isEqualTo("account.activation-token-invalid");

        assertThat(Sessions.login(api, email, Sessions.STAFF_PASSWORD).userId().toString())
                .isEqualTo(created.json("userId").asString());
    }

    @Test
    void theInvitationIsEmailedInTheClinicsNameWithTheLinkThatActivatesTheAccount() {
        String email = "desk-" + UUID.randomUUID() + "@clinic.test";
        Api.Response created = api.as(admin).post("/api/v1/users", invite(email, "RECEPTIONIST", clinic, branch));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json("activationToken").asString();
        String clinicName =
                api.as(admin).get("/api/v1/clinics/" + clinic).json("nameEn").asString();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ProviderFakes.get().received(ProviderFakes.SENDGRID_SEND, email))
                        .hasSize(1));
        String sent = ProviderFakes.get()
                .received(ProviderFakes.SENDGRID_SEND, email)
                .getFirst()
                .getRequest()
                .getBodyAsString();
        assertThat(sent).contains("/activate#token=" + token).contains(clinicName);

        Api.Response activated =
                api.post("/api/v1/auth/activate", Map.of("token", token, "password", Sessions.STAFF_PASSWORD));
        assertThat(activated.status()).isEqualTo(204);
    }

    @Test
    void aWeakPasswordIsRefusedAndTheTokenStaysUsable() {
        Api.Response created =
                api.as(admin).post("/api/v1/users", invite(uniqueEmail(), "RECEPTIONIST", clinic, branch));
        String token = created.json("activationToken").asString();

        Api.Response weak = api.post("/api/v1/auth/activate", Map.of("token", token, "password", "abcdefghijkl"));

        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json("code").asString()).isEqualTo("account.password-too-weak");
        assertThat(api.post("/api/v1/auth/activate", Map.of("token", token, "password", Sessions.STAFF_PASSWORD))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anExpiredActivationTokenIsRefused() {
        Api.Response created = api.as(admin).post("/api/v1/users", invite(uniqueEmail(), "AUDITOR", null, null));
        jdbc.update(
                "update user_credential set activation_expires_at = now() - interval '1 minute' where user_id = ?",
                UUID.fromString(created.json("userId").asString()));

        Api.Response expired = api.post(
                "/api/v1/auth/activate",
                Map.of("token", created.json("activationToken").asString(), "password", Sessions.STAFF_PASSWORD));

        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.json("code").asString()).isEqualTo("account.activation-token-invalid");
    }

    @Test
    void anEmailBelongsToOneAccountOnly() {
        String email = uniqueEmail();
        assertThat(api.as(admin)
                        .post("/api/v1/users", invite(email, "AUDITOR", null, null))
                        .status())
                .isEqualTo(201);

        Api.Response duplicate =
                api.as(admin).post("/api/v1/users", invite(email.toUpperCase(), "DOCTOR", clinic, branch));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json("code").asString()).isEqualTo("account.identifier-taken");
    }

    @Test
    void aManagerInvitesDoctorsAndReceptionistsOfTheirOwnClinicOnly() {
        Sessions.Session manager = Sessions.staff(api, Role.MANAGER, clinic, null);
        Api asManager = api.as(manager.accessToken());

        assertThat(asManager
                        .post("/api/v1/users", invite(uniqueEmail(), "DOCTOR", clinic, branch))
                        .status())
                .isEqualTo(201);
        assertThat(asManager
                        .post("/api/v1/users", invite(uniqueEmail(), "RECEPTIONIST", clinic, branch))
                        .status())
                .isEqualTo(201);
        Api.Response elsewhere =
                asManager.post("/api/v1/users", invite(uniqueEmail(), "DOCTOR", otherClinic, otherBranch));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json("code").asString()).isEqualTo("forbidden");
        assertThat(asManager
                        .post("/api/v1/users", invite(uniqueEmail(), "MANAGER", clinic, null))
                        .status())
                .isEqualTo(403);
        assertThat(asManager
                        .post("/api/v1/users", invite(uniqueEmail(), "ADMIN", null, null))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aRoleMustFitItsScope() {
        Api.Response response = api.as(admin).post("/api/v1/users", invite(uniqueEmail(), "DOCTOR", clinic, null));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json("code").asString()).isEqualTo("account.scope-invalid");
    }

    @Test
    void aManagerCannotInviteIntoABranchOfAnotherClinic() {
        Api asManager = api.as(Sessions.staff(api, Role.MANAGER, clinic, null).accessToken());

        for (String role : List.of("DOCTOR", "RECEPTIONIST")) {
            // Their own clinic with someone else's branch: the account would have worked in clinic 2.
            assertProblem(
                    asManager.post("/api/v1/users", invite(uniqueEmail(), role, clinic, otherBranch)),
                    404,
                    "account.branch-not-in-clinic");
            assertProblem(
                    asManager.post("/api/v1/users", invite(uniqueEmail(), role, otherClinic, otherBranch)),
                    403,
                    "forbidden");
        }
    }

    @Test
    void anInviteNamesAClinicThatExistsAndOneOfItsBranches() {
        Api asAdmin = api.as(admin);

        assertProblem(
                asAdmin.post("/api/v1/users", invite(uniqueEmail(), "DOCTOR", clinic, UUID.randomUUID())),
                404,
                "account.branch-not-in-clinic");
        assertProblem(
                asAdmin.post("/api/v1/users", invite(uniqueEmail(), "RECEPTIONIST", clinic, otherBranch)),
                404,
                "account.branch-not-in-clinic");
        assertProblem(
                asAdmin.post("/api/v1/users", invite(uniqueEmail(), "MANAGER", UUID.randomUUID(), null)),
                404,
                "account.clinic-not-found");
        Api.Response arabic = asAdmin.header("Accept-Language", "ar")
                .post("/api/v1/users", invite(uniqueEmail(), "DOCTOR", UUID.randomUUID(), branch));
        assertProblem(arabic, 404, "account.clinic-not-found");
        assertThat(arabic.json("title").asString()).isEqualTo("العيادة غير موجودة");
    }

    @Test
    void aRoleChangeNamesAClinicThatExistsAndOneOfItsBranches() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        String user = "/api/v1/users/" + doctor.userId();
        String etag = api.as(admin).get(user).header("ETag").orElseThrow();
        Api asAdmin = api.as(admin).header("If-Match", etag);

        assertProblem(
                asAdmin.put(user + "/role", scoped("RECEPTIONIST", clinic, otherBranch)),
                404,
                "account.branch-not-in-clinic");
        assertProblem(
                asAdmin.put(user + "/role", scoped("DOCTOR", clinic, UUID.randomUUID())),
                404,
                "account.branch-not-in-clinic");
        assertProblem(
                asAdmin.put(user + "/role", scoped("MANAGER", UUID.randomUUID(), null)),
                404,
                "account.clinic-not-found");

        Api.Response unchanged = api.as(admin).get(user);
        assertThat(unchanged.header("ETag")).contains(etag);
        assertThat(unchanged.json("branchId").asString()).isEqualTo(branch.toString());
        assertThat(asAdmin.put(user + "/role", scoped("RECEPTIONIST", otherClinic, otherBranch))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRoleChangeNeedsTheCurrentETag() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        String path = "/api/v1/users/" + doctor.userId() + "/role";
        Map<String, Object> receptionist = scoped("RECEPTIONIST", clinic, branch);

        Api.Response missing = api.as(admin).put(path, receptionist);
        assertThat(missing.status()).isEqualTo(428);

        Api.Response stale = api.as(admin).header("If-Match", "\"0\"").put(path, receptionist);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json("code").asString()).isEqualTo("stale-version");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        api.as(admin).get("/api/v1/users/" + doctor.userId()).header("ETag"))
                .contains("\"1\""));
        Api.Response changed = api.as(admin).header("If-Match", "\"1\"").put(path, receptionist);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).contains("\"2\"");
        assertThat(changed.json("role").asString()).isEqualTo("RECEPTIONIST");

        Api.Response malformed = api.as(admin).header("If-Match", "yesterday").put(path, receptionist);
        assertThat(malformed.status()).isEqualTo(422);
    }

    @Test
    void administratorsCannotLockThemselvesOut() {
        UUID adminId =
                UUID.fromString(api.as(admin).get("/api/v1/me").json("userId").asString());

        assertThat(api.as(admin)
                        .post("/api/v1/users/" + adminId + "/disable", null)
                        .json("code")
                        .asString())
                .isEqualTo("account.cannot-disable-self");
        assertThat(api.as(admin)
                        .header("If-Match", "\"1\"")
                        .put("/api/v1/users/" + adminId + "/role", scoped("AUDITOR", null, null))
                        .json("code")
                        .asString())
                .isEqualTo("account.cannot-change-own-role");
    }

    @Test
    void unknownAccountsAreNotFound() {
        Api.Response response = api.as(admin).post("/api/v1/users/" + UUID.randomUUID() + "/disable", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json("code").asString()).isEqualTo("account.not-found");
    }

    @Test
    void theListingPagesInUserIdOrderWithFiltersAndShowsTheEmail() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emails.add(Sessions.staff(api, Role.DOCTOR, clinic, branch).login());
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(allPages("?role=DOCTOR&status=ACTIVE&limit=2").stream()
                                .map(user -> user.path("email").asString())
                                .toList())
                        .containsAll(emails));

        List<JsonNode> doctors = allPages("?role=DOCTOR&status=ACTIVE&limit=2");
        assertThat(doctors).allSatisfy(user -> {
            assertThat(user.path("role").asString()).isEqualTo("DOCTOR");
            assertThat(user.path("status").asString()).isEqualTo("ACTIVE");
        });
        List<String> ids =
                doctors.stream().map(user -> user.path("userId").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().map(UUID::fromString).toList()).isSorted();

        Api.Response firstPage = api.as(admin).get("/api/v1/users?limit=1");
        assertThat(firstPage.json("items").size()).isEqualTo(1);
        assertThat(firstPage.json("nextCursor").isString()).isTrue();
    }

    @Test
    void badListingParametersAreClientErrors() {
        assertThat(api.as(admin).get("/api/v1/users?role=WIZARD").status()).isEqualTo(400);
        assertThat(api.as(admin).get("/api/v1/users?limit=0").status()).isEqualTo(422);
        assertThat(api.as(admin).get("/api/v1/users?after=not-a-cursor").status())
                .isEqualTo(422);
    }

    @Test
    void missingFieldsAreEachListed() {
        Api.Response response = api.as(admin).post("/api/v1/users", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json("code").asString()).isEqualTo("validation");
        assertThat(response.json("errors").valueStream().map(e -> e.path("field")
                        .asString()))
                .contains("email", "role");

        Api.Response login = api.post("/api/v1/auth/login", Map.of());
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json("errors").valueStream().map(e -> e.path("field").asString()))
                .contains("login", "password");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Response response = api.as(admin).post("/api/v1/users", "{\"email\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json("code").asString()).isEqualTo("malformed-json");
        assertThat(api.post("/api/v1/auth/login", "not json").status()).isEqualTo(400);
    }

    @Test
    void anUnknownRoleIsABadRequestNamingTheField() {
        Api.Response response = api.as(admin).post("/api/v1/users", invite(uniqueEmail(), "WIZARD", null, null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json("errors").get(0).path("field").asString()).isEqualTo("role");
    }

    /** Who may call which identity endpoint: every role, plus no token at all. */
    @Test
    void roleByEndpointMatrix() {
        Map<String, Optional<String>> callers = new LinkedHashMap<>();
        callers.put("ADMIN", Optional.of(admin));
        callers.put(
                "MANAGER",
                Optional.of(Sessions.staff(api, Role.MANAGER, clinic, null).accessToken()));
        callers.put(
                "DOCTOR",
                Optional.of(Sessions.staff(api, Role.DOCTOR, clinic, branch).accessToken()));
        callers.put(
                "RECEPTIONIST",
                Optional.of(
                        Sessions.staff(api, Role.RECEPTIONIST, clinic, branch).accessToken()));
        callers.put(
                "AUDITOR",
                Optional.of(Sessions.staff(api, Role.AUDITOR, null, null).accessToken()));
        callers.put("PATIENT", Optional.of(patientToken()));
        callers.put("anonymous", Optional.empty());
        Sessions.Session target = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        api.as(admin).get("/api/v1/users/" + target.userId()).status() == 200);

        // Expected status per caller, in the order of `callers`.
        record Row(String method, String path, boolean withInvite, int... expected) {}
        String user = "/api/v1/users/" + target.userId();
        List<Row> rows = List.of(
                new Row("GET", "/api/v1/me", false, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/v1/users", false, 200, 403, 403, 403, 403, 403, 401),
                new Row("GET", user, false, 200, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/v1/users", true, 201, 201, 403, 403, 403, 403, 401),
                new Row("POST", user + "/enable", false, 200, 403, 403, 403, 403, 403, 401),
                // Sent with the account's current ETag: the role decides, not the precondition.
                new Row("PUT", user + "/role", false, 200, 403, 403, 403, 403, 403, 401),
                new Row("GET", "/.well-known/jwks.json", false, 200, 200, 200, 200, 200, 200, 200));

        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            int column = 0;
            for (Map.Entry<String, Optional<String>> caller : callers.entrySet()) {
                Api client = caller.getValue().map(api::as).orElse(api);
                if (row.method().equals("PUT")) {
                    client = client.header(
                            "If-Match", api.as(admin).get(user).header("ETag").orElseThrow());
                }
                Object body = row.withInvite()
                        ? invite(uniqueEmail(), "DOCTOR", clinic, branch)
                        : row.method().equals("PUT") ? scoped("RECEPTIONIST", clinic, branch) : null;
                Api.Response response = client.send(row.method(), row.path(), body);
                softly.assertThat(response.status())
                        .as("%s %s as %s", row.method(), row.path(), caller.getKey())
                        .isEqualTo(row.expected()[column++]);
                if (response.status() == 401 || response.status() == 403) {
                    softly.assertThat(response.header("Content-Type"))
                            .as("problem body for %s %s as %s", row.method(), row.path(), caller.getKey())
                            .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
                }
            }
        }
        softly.assertAll();
    }

    private String patientToken() {
        String email = "patient-" + UUID.randomUUID() + "@clinic.test";
        userAccounts.registerPatient(
                new PatientSignUp(UUID.randomUUID(), Optional.of(email), Optional.empty(), "Patient-Passw0rd!", "en"));
        return Sessions.login(api, email, "Patient-Passw0rd!").accessToken();
    }

    private List<JsonNode> allPages(String query) {
        List<JsonNode> users = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/api/v1/users" + query + (cursor == null ? "" : "&after=" + cursor);
            Api.Response page = api.as(admin).get(url);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json("items").valueStream().forEach(users::add);
            cursor =
                    page.json("nextCursor").isString() ? page.json("nextCursor").asString() : null;
        } while (cursor != null);
        return users;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json("code").asString()).as(response.toString()).isEqualTo(code);
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@clinic.test";
    }

    private static Map<String, Object> invite(String email, String role, UUID clinicId, UUID branchId) {
        Map<String, Object> body = scoped(role, clinicId, branchId);
        body.put("email", email);
        return body;
    }

    private static Map<String, Object> scoped(String role, UUID clinicId, UUID branchId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        if (clinicId != null) {
            body.put("clinicId", clinicId.toString());
        }
        if (branchId != null) {
            body.put("branchId", branchId.toString());
        }
        return body;
    }
}
