package com.clinic.notifications.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.PushSettings;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.PushMessages.PushMessage;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Firebase Admin SDK against a local FCM: the real SDK signs a JWT with a service account key made
 * here, gets an access token from the fake's token endpoint and sends to the fake's messages:send,
 * through the transport that replaces Google's hosts.
 */
class FcmPushMessagesTest {

    @RegisterExtension
    static final WireMockExtension fcm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String SEND = "/v1/projects/clinic-test/messages:send";

    @TempDir
    static Path folder;

    private static Path serviceAccount;

    private final List<FcmPushMessages> adapters = new ArrayList<>();

    @BeforeAll
    static void serviceAccountKey() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        serviceAccount = folder.resolve("service-account.json");
        Files.writeString(
                serviceAccount,
                """
                {"type": "service_account", "project_id": "clinic-test", "private_key_id": "key-1",
                 "private_key": "%s", "client_email": "push@clinic-test.iam.gserviceaccount.com",
                 "client_id": "1", "token_uri": "https://oauth2.googleapis.com/token"}
                """
                        .formatted(pem.replace("\n", "\\n")));
    }

    @BeforeEach
    void tokenEndpoint() {
        fcm.stubFor(post("/token")
                .willReturn(okJson("{\"access_token\": \"access-from-the-fake\", \"expires_in\": 3600,"
                        + " \"token_type\": \"Bearer\"}")));
    }

    @AfterEach
    void deleteApps() {
        adapters.forEach(FcmPushMessages::close);
    }

    private FcmPushMessages adapter() {
        return adapter(Channels.push(Optional.of(serviceAccount), fcm.baseUrl(), 100));
    }

    private FcmPushMessages adapter(PushSettings settings) {
        FcmPushMessages adapter = new FcmPushMessages(settings, Channels.UNLIMITED, Clock.systemUTC());
        adapters.add(adapter);
        return adapter;
    }

    private static PushMessage message(boolean urgent) {
        return new PushMessage(
                "notification-1:push", "device-token-1", "Your turn", "Room 3", Map.of("offer", "o-1"), urgent);
    }

    private static void fcmAnswers(int status, String fcmStatus, String errorCode, String retryAfter) {
        var response = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(error(status, fcmStatus, errorCode, ""));
        if (retryAfter != null) {
            response.withHeader("Retry-After", retryAfter);
        }
        fcm.stubFor(post(SEND).willReturn(response));
    }

    private static String error(int status, String fcmStatus, String errorCode, String moreDetails) {
        return """
                {"error": {"code": %d, "message": "refused", "status": "%s", "details": [
                  {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "%s"}%s]}}
                """
                .formatted(status, fcmStatus, errorCode, moreDetails);
    }

    @Test
    void anUrgentMessageIsSentWithTheServiceAccountsTokenAndHighPriority() {
        fcm.stubFor(post(SEND).willReturn(okJson("{\"name\": \"projects/clinic-test/messages/0:1\"}")));

        DeliveryOutcome outcome = adapter().send(message(true));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class, accepted -> {
            assertThat(accepted.provider()).isEqualTo("fcm");
            assertThat(accepted.providerMessageId()).isEqualTo("projects/clinic-test/messages/0:1");
        });
        fcm.verify(postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        fcm.verify(postRequestedFor(urlEqualTo(SEND))
                .withHeader("Authorization", equalTo("Bearer access-from-the-fake"))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo("device-token-1")))
                .withRequestBody(matchingJsonPath("$.message.notification.title", equalTo("Your turn")))
                .withRequestBody(matchingJsonPath("$.message.data.offer", equalTo("o-1")))
                .withRequestBody(matchingJsonPath("$.message.android.priority", equalTo("high")))
                .withRequestBody(matchingJsonPath("$.message.android.notification.tag", equalTo("notification-1:push")))
                .withRequestBody(matchingJsonPath("$.message.apns.headers.apns-priority", equalTo("10")))
                .withRequestBody(
                        matchingJsonPath("$.message.apns.headers.apns-collapse-id", equalTo("notification-1:push"))));
    }

    @Test
    void aMessageThatIsNotUrgentGoesWithNormalPriority() {
        fcm.stubFor(post(SEND).willReturn(okJson("{\"name\": \"projects/clinic-test/messages/0:2\"}")));

        assertThat(adapter().send(message(false))).isInstanceOf(DeliveryOutcome.Accepted.class);

        fcm.verify(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.message.android.priority", equalTo("normal")))
                .withRequestBody(matchingJsonPath("$.message.apns.headers.apns-priority", equalTo("5"))));
    }

    @Test
    void aKeyLongerThanApnsAllowsCollapsesUnderItsHash() {
        assertThat(FcmPushMessages.collapseId("k".repeat(65)))
                .hasValueSatisfying(id -> assertThat(id).hasSize(64).matches("[0-9a-f]{64}"));
        assertThat(FcmPushMessages.collapseId("k".repeat(64))).contains("k".repeat(64));
    }

    @Test
    void quotaExceededIsTransientWithTheRetryAfterFcmGave() {
        fcmAnswers(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "30");

        DeliveryOutcome outcome = adapter().send(message(false));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Transient.class, transientFailure -> {
            assertThat(transientFailure.answer()).isEqualTo("429 QUOTA_EXCEEDED");
            assertThat(transientFailure.retryAfter()).contains(Duration.ofSeconds(30));
        });
        fcm.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void unavailableWithALongRetryAfterIsTransientAtOnceWithoutTheSdksOwnRetries() {
        fcmAnswers(503, "UNAVAILABLE", "UNAVAILABLE", "120");

        DeliveryOutcome outcome = adapter().send(message(false));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Transient.class, transientFailure -> {
            assertThat(transientFailure.answer()).isEqualTo("503 UNAVAILABLE");
            assertThat(transientFailure.retryAfter()).contains(Duration.ofSeconds(120));
        });
        fcm.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void aShort503IsRetriedByTheSdkItselfBeforeTheSendAnswers() {
        fcm.stubFor(post(SEND)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(503, "UNAVAILABLE", "UNAVAILABLE", "")))
                .willSetStateTo("recovered"));
        fcm.stubFor(post(SEND)
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"name\": \"projects/clinic-test/messages/0:3\"}")));

        DeliveryOutcome outcome = adapter().send(message(false));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        fcm.verify(2, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void anInternalErrorIsTransient() {
        fcmAnswers(500, "INTERNAL", "INTERNAL", null);

        DeliveryOutcome outcome = adapter().send(message(false));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Transient.class, transientFailure -> {
            assertThat(transientFailure.answer()).isEqualTo("500 INTERNAL");
            assertThat(transientFailure.retryAfter()).isEmpty();
        });
    }

    @Test
    void anUnregisteredDeviceIsUnreachable() {
        fcmAnswers(404, "NOT_FOUND", "UNREGISTERED", null);

        assertThat(adapter().send(message(false)))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Unreachable.class,
                        unreachable -> assertThat(unreachable.answer()).isEqualTo("404 UNREGISTERED"));
    }

    @Test
    void aTokenFcmCallsInvalidIsUnreachable() {
        fcm.stubFor(post(SEND)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(
                                400,
                                "INVALID_ARGUMENT",
                                "INVALID_ARGUMENT",
                                ", {\"@type\": \"type.googleapis.com/google.rpc.BadRequest\", \"fieldViolations\":"
                                        + " [{\"field\": \"message.token\", \"description\": \"Invalid registration"
                                        + " token\"}]}"))));

        assertThat(adapter().send(message(false)))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Unreachable.class,
                        unreachable -> assertThat(unreachable.answer()).isEqualTo("400 INVALID_ARGUMENT"));
    }

    @Test
    void anInvalidArgumentAboutAnotherFieldIsRejectedAndTheTokenKept() {
        fcm.stubFor(post(SEND)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(
                                400,
                                "INVALID_ARGUMENT",
                                "INVALID_ARGUMENT",
                                ", {\"@type\": \"type.googleapis.com/google.rpc.BadRequest\", \"fieldViolations\":"
                                        + " [{\"field\": \"message.data\", \"description\": \"too large\"}]}"))));

        assertThat(adapter().send(message(false))).isInstanceOf(DeliveryOutcome.Rejected.class);
    }

    @Test
    void aSenderIdMismatchIsRejected() {
        fcmAnswers(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", null);

        assertThat(adapter().send(message(false)))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("403 SENDER_ID_MISMATCH"));
    }

    /**
     * On a 401 the SDK refreshes its access token and sends again, up to four times, and the last 401
     * reaches the adapter without FCM's error code: what is left to say is that it was refused.
     */
    @Test
    void aThirdPartyAuthErrorIsRejectedAfterTheSdksOwnTokenRefreshes() {
        fcmAnswers(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR", null);

        assertThat(adapter().send(message(false)))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("401 UNAUTHENTICATED"));
        fcm.verify(5, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void aServiceAccountTheTokenEndpointRefusesIsRejectedBeforeAnySend() {
        fcm.stubFor(post("/token")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));

        assertThat(adapter().send(message(false)))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("credentials refused by the token endpoint"));
        fcm.verify(0, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void aConnectionThatBreaksIsTransient() {
        fcm.stubFor(post(SEND).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(adapter().send(message(false)))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Transient.class, transientFailure -> assertThat(transientFailure.answer())
                                .startsWith("no answer"));
    }

    @Test
    void withoutCredentialsTheChannelIsUnavailableAndNothingIsSent() {
        FcmPushMessages adapter = adapter(Channels.push(Optional.empty(), fcm.baseUrl(), 100));

        assertThat(adapter.status().available()).isFalse();
        assertThat(adapter.status().reason()).isEqualTo("no credentials");
        assertThat(adapter.send(message(true)))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("channel unavailable"));
        fcm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void switchedOffTheChannelIsUnavailableAndNothingIsSent() {
        PushSettings on = Channels.push(Optional.of(serviceAccount), fcm.baseUrl(), 100);
        FcmPushMessages adapter = adapter(new PushSettings(
                false,
                on.credentialsFile(),
                on.projectId(),
                on.baseUrl(),
                on.ratePerSecond(),
                on.connectTimeout(),
                on.readTimeout()));

        assertThat(adapter.status().reason()).isEqualTo("disabled by configuration");
        assertThat(adapter.send(message(true))).isInstanceOf(DeliveryOutcome.Rejected.class);
        fcm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aFileThatIsNotAServiceAccountKeyMakesTheChannelUnavailable() throws IOException {
        Path notAKey = folder.resolve("not-a-key.json");
        Files.writeString(notAKey, "{\"type\": \"authorized_user\"}");

        FcmPushMessages adapter = adapter(Channels.push(Optional.of(notAKey), fcm.baseUrl(), 100));

        assertThat(adapter.status().available()).isFalse();
        assertThat(adapter.status().reason()).isEqualTo("credentials unreadable");
        assertThat(adapter.send(message(true))).isInstanceOf(DeliveryOutcome.Rejected.class);
        fcm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void eachAdapterHasAnAppOfItsOwnSoClosingOneLeavesTheOtherSending() {
        fcm.stubFor(post(SEND).willReturn(okJson("{\"name\": \"projects/clinic-test/messages/0:4\"}")));
        FcmPushMessages first = adapter();
        FcmPushMessages second = adapter();

        first.close();

        assertThat(second.send(message(false))).isInstanceOf(DeliveryOutcome.Accepted.class);
    }
}
