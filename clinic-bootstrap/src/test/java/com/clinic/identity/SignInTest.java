package com.clinic.identity;

import static com.clinic.identity.IdentityTestSupport.fromOwnAddress;
import static com.clinic.identity.IdentityTestSupport.login;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {

    @LocalServerPort
    int port;

    @Value("${clinic.identity.jwt.keys[0].private-key}")
    String activePrivateKey;

    @Value("${clinic.identity.jwt.issuer}")
    String issuer;

    Api api;
    /** Staff scopes are checked against the directory: a real clinic and branch. */
    UUID clinic;

    UUID branch;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void createClinic() {
        AvailabilityTestData.Site site =
                AvailabilityTestData.newSite(Api.on(port).as(Sessions.admin(Api.on(port))), "Asia/Riyadh");
        clinic = site.clinicId();
        branch = site.branchId();
    }

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    @Test
    void staffSignInWithTheirEmailAndGetABearerTokenPair() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);

        Api.Response response =
                api.post("/api/v1/auth/login", login(doctor.login().toUpperCase(), doctor.password()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json("tokenType").asString()).isEqualTo("Bearer");
        assertThat(response.json("expiresIn").asLong()).isEqualTo(600);
        assertThat(response.json("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(response.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        var claims = IdentityTestSupport.claims(response.json("accessToken").asString());
        assertThat(claims.path("sub").asString()).isEqualTo(doctor.userId().toString());
        assertThat(claims.path("role").asString()).isEqualTo("DOCTOR");
        assertThat(claims.path("clinicId").asString()).isEqualTo(clinic.toString());
        assertThat(claims.path("branchId").asString()).isEqualTo(branch.toString());
        assertThat(claims.path("iss").asString()).isEqualTo(issuer);
        assertThat(claims.has("sid")).isTrue();

        Api.Response me = api.as(response.json("accessToken").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json("userId").asString()).isEqualTo(doctor.userId().toString());
        assertThat(me.json("role").asString()).isEqualTo("DOCTOR");
        assertThat(me.json("clinicId").asString()).isEqualTo(clinic.toString());
        assertThat(me.json("branchId").asString()).isEqualTo(branch.toString());
        assertThat(me.json("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aSignInAnswersADeviceTokenThatRanksTheNextSignInOfThatLoginFirst() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api.Response first = fromOwnAddress(api).post("/api/v1/auth/login", login(doctor.login(), doctor.password()));
        String device = first.json("deviceToken").asString();
        assertThat(device).isNotBlank();

        double before = knownDeviceHashes();
        Api.Response again =
                fromOwnAddress(api).post("/api/v1/auth/login", withDevice(doctor.login(), doctor.password(), device));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json("deviceToken").asString()).isNotBlank().isNotEqualTo(device);
        assertThat(knownDeviceHashes()).isEqualTo(before + 1);

        // It is no credential: the password is still checked, and another login's token ranks nothing.
        Api.Response wrong =
                fromOwnAddress(api).post("/api/v1/auth/login", withDevice(doctor.login(), "Wrong-Passw0rd!", device));
        assertThat(wrong.status()).isEqualTo(401);
        Sessions.Session colleague = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api.Response borrowed = fromOwnAddress(api)
                .post("/api/v1/auth/login", withDevice(colleague.login(), colleague.password(), device));
        assertThat(borrowed.status()).isEqualTo(200);
        Api.Response forged = fromOwnAddress(api)
                .post("/api/v1/auth/login", withDevice(doctor.login(), doctor.password(), "1.forged.token"));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(knownDeviceHashes()).isEqualTo(before + 2);
        var refreshed = api.post(
                "/api/v1/auth/refresh",
                Map.of("refreshToken", again.json("refreshToken").asString()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json("deviceToken").asString(""))
                .as("a refresh hands out no device token")
                .isEmpty();
    }

    private static Map<String, String> withDevice(String login, String password, String deviceToken) {
        return Map.of("login", login, "password", password, "deviceToken", deviceToken);
    }

    private double knownDeviceHashes() {
        return meters.get("clinic.identity.password.hashing.known.device")
                .counter()
                .count();
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        Sessions.Session receptionist = Sessions.staff(api, Role.RECEPTIONIST, clinic, branch);

        Api.Response first = refresh(receptionist.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        String second = first.json("refreshToken").asString();
        assertThat(second).isNotEqualTo(receptionist.refreshToken());
        assertThat(api.as(first.json("accessToken").asString())
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);

        Api.Response third = refresh(second);
        assertThat(third.status()).isEqualTo(200);
        assertThat(IdentityTestSupport.claims(third.json("accessToken").asString())
                        .path("sid"))
                .isEqualTo(
                        IdentityTestSupport.claims(receptionist.accessToken()).path("sid"));
    }

    @Test
    void presentingAUsedRefreshTokenAgainRevokesTheWholeFamily() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api.Response rotated = refresh(doctor.refreshToken());
        String newerRefresh = rotated.json("refreshToken").asString();
        String newerAccess = rotated.json("accessToken").asString();

        Api.Response reuse = refresh(doctor.refreshToken());

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json("code").asString()).isEqualTo("auth.invalid-refresh-token");
        assertThat(refresh(newerRefresh).status()).isEqualTo(401);
        assertThat(api.as(newerAccess).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.as(doctor.accessToken()).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void afterLogoutTheRefreshTokenAndTheAccessTokenAreDead() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);

        Api.Response logout = api.post("/api/v1/auth/logout", Map.of("refreshToken", doctor.refreshToken()));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(doctor.refreshToken()).status()).isEqualTo(401);
        assertThat(api.as(doctor.accessToken()).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void logoutWithAnUnknownTokenRevealsNothing() {
        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", "no-such-token"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anUnknownAccountAndAWrongPasswordGetIdenticalProblems() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api client = fromOwnAddress(api).header("X-Request-Id", "same-request-id");

        Api.Response unknown = client.post(
                "/api/v1/auth/login", login("nobody-" + UUID.randomUUID() + "@clinic.test", "Whatever-123"));
        Api.Response wrong = client.post("/api/v1/auth/login", login(doctor.login(), "Wrong-Passw0rd!"));

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.json("code").asString()).isEqualTo("auth.invalid-credentials");
        assertThat(unknown.rawBody()).isEqualTo(wrong.rawBody());
        assertThat(unknown.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void afterFiveFailuresFromOneClientThatClientIsThrottledEvenWithTheRightPassword() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api client = fromOwnAddress(api);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(client.post("/api/v1/auth/login", login(doctor.login(), "Wrong-Passw0rd!" + attempt))
                            .status())
                    .isEqualTo(401);
        }

        Api.Response throttled = client.post("/api/v1/auth/login", login(doctor.login(), doctor.password()));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json("code").asString()).isEqualTo("auth.too-many-attempts");
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                .isBetween(1L, 900L));
    }

    @Test
    void aClientThatSpraysManyAccountsIsThrottled() {
        Api sprayer = fromOwnAddress(api);
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(sprayer.post(
                                    "/api/v1/auth/login",
                                    login("spray-" + UUID.randomUUID() + "@clinic.test", "Guess-1234"))
                            .status())
                    .isEqualTo(401);
        }

        Api.Response throttled =
                sprayer.post("/api/v1/auth/login", login("spray-" + UUID.randomUUID() + "@clinic.test", "Guess-1234"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        // Another client is not affected.
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        assertThat(fromOwnAddress(api)
                        .post("/api/v1/auth/login", login(doctor.login(), doctor.password()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledUserIsLockedOutAtOnce() {
        String admin = Sessions.admin(api);
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);

        assertThat(api.as(admin)
                        .post("/api/v1/users/" + doctor.userId() + "/disable", null)
                        .status())
                .isEqualTo(200);

        assertThat(api.as(doctor.accessToken()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(refresh(doctor.refreshToken()).status()).isEqualTo(401);
        Api.Response login = fromOwnAddress(api).post("/api/v1/auth/login", login(doctor.login(), doctor.password()));
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.json("code").asString()).isEqualTo("auth.invalid-credentials");

        assertThat(api.as(admin)
                        .post("/api/v1/users/" + doctor.userId() + "/enable", null)
                        .status())
                .isEqualTo(200);
        assertThat(Sessions.login(api, doctor.login(), doctor.password()).accessToken())
                .isNotBlank();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String genuine = Sessions.admin(api);
        PrivateKey foreign =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

        String forged = IdentityTestSupport.resign(
                genuine, foreign, "test-1", issuer, Instant.now().plusSeconds(300));

        Api.Response response = api.as(forged).get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json("code").asString()).isEqualTo("unauthorized");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String genuine = Sessions.admin(api);
        String expired = IdentityTestSupport.resign(
                genuine,
                IdentityTestSupport.ed25519PrivateKey(activePrivateKey),
                "test-1",
                issuer,
                Instant.now().minusSeconds(120));

        assertThat(api.as(expired).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithARetiredKeyStillVerifiesUntilItExpires() {
        String genuine = Sessions.admin(api);
        String signedBeforeRotation = IdentityTestSupport.resign(
                genuine,
                IdentityTestSupport.ed25519PrivateKey(IdentityTestSupport.RETIRED_PRIVATE_KEY),
                "test-0",
                issuer,
                Instant.now().plusSeconds(300));

        assertThat(api.as(signedBeforeRotation).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void garbageAndMissingTokensGetTheUnauthorizedProblem() {
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        Api.Response garbage = api.as("not-a-jwt").get("/api/v1/me");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json("type").asString()).endsWith("/unauthorized");
        assertThat(api.header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anInvalidAccessTokenDoesNotBlockPublicEndpoints() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);

        assertThat(api.as("expired-or-garbage")
                        .post("/api/v1/auth/refresh", Map.of("refreshToken", doctor.refreshToken()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theJwksPublishesTheActiveAndRetiredPublicKeys() {
        Api.Response jwks = api.get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json("keys").valueStream().map(k -> k.path("kid").asString()))
                .containsExactlyInAnyOrder("test-1", "test-0");
        jwks.json("keys").valueStream().forEach(key -> {
            assertThat(key.path("kty").asString()).isEqualTo("OKP");
            assertThat(key.path("crv").asString()).isEqualTo("Ed25519");
            assertThat(key.has("d")).isFalse();
        });
    }

    @Test
    void aRefreshedTokenCarriesTheCurrentRoleAndOlderTokensStopWorking() {
        String admin = Sessions.admin(api);
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api.Response current = api.as(admin).get("/api/v1/me");
        assertThat(current.status()).isEqualTo(200);

        Api.Response changed = api.as(admin)
                .header("If-Match", "\"1\"")
                .put(
                        "/api/v1/users/" + doctor.userId() + "/role",
                        Map.of("role", "MANAGER", "clinicId", clinic.toString()));
        assertThat(changed.status()).isEqualTo(200);

        assertThat(api.as(doctor.accessToken()).get("/api/v1/me").status()).isEqualTo(401);
        Api.Response refreshed = refresh(doctor.refreshToken());
        assertThat(refreshed.status()).isEqualTo(200);
        Api.Response me = api.as(refreshed.json("accessToken").asString()).get("/api/v1/me");
        assertThat(me.json("role").asString()).isEqualTo("MANAGER");
        assertThat(me.json("branchId").isNull()).isTrue();
    }

    @Test
    void changingThePasswordEndsEverySessionAndNeedsTheCurrentOne() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api asDoctor = api.as(doctor.accessToken());

        Api.Response wrongCurrent = asDoctor.put(
                "/api/v1/me/password",
                Map.of("currentPassword", "Not-my-passw0rd", "newPassword", "Brand-new-Passw0rd"));
        assertThat(wrongCurrent.status()).isEqualTo(422);
        assertThat(wrongCurrent.json("code").asString()).isEqualTo("account.current-password-wrong");

        Api.Response changed = asDoctor.put(
                "/api/v1/me/password",
                Map.of("currentPassword", doctor.password(), "newPassword", "Brand-new-Passw0rd"));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(asDoctor.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(refresh(doctor.refreshToken()).status()).isEqualTo(401);
        assertThat(fromOwnAddress(api)
                        .post("/api/v1/auth/login", login(doctor.login(), doctor.password()))
                        .status())
                .isEqualTo(401);
        assertThat(Sessions.login(api, doctor.login(), "Brand-new-Passw0rd").userId())
                .isEqualTo(doctor.userId());
    }

    @Test
    void tokensAreNeverKeptByTheIdempotencyLayer() {
        Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinic, branch);
        Api withKey = api.header("Idempotency-Key", "login-" + UUID.randomUUID());

        Api.Response first = withKey.post("/api/v1/auth/login", login(doctor.login(), doctor.password()));
        Api.Response retry = withKey.post("/api/v1/auth/login", login(doctor.login(), doctor.password()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.json("refreshToken").asString())
                .isNotEqualTo(first.json("refreshToken").asString());
    }

    @Test
    void operationalAndDocumentationEndpointsNeedNoToken() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(401);
    }

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }
}
