package com.clinic.identity;

import static com.clinic.scheduling.availability.AvailabilityTestData.PATIENT_PASSWORD;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProviderFakes;
import com.clinic.support.Sessions;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A forgotten password reset with a link sent to the account's own e-mail, through the real
 * SendGrid SDK against the local fake: the link works once and ends every session; the answer to
 * a request never tells whether the login exists; requests are budgeted per login.
 */
@IntegrationTest
class PasswordResetHttpTest {

    private static final Pattern LINK = Pattern.compile("reset-password#token=([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "Reset-Passw0rd!2026";

    @LocalServerPort
    int port;

    private Api api;
    private AvailabilityTestData.Site site;

    @BeforeEach
    void aBranch() {
        api = Api.on(port);
        site = newSite(api.as(Sessions.admin(api)), "Asia/Riyadh");
    }

    @Test
    void theLinkSentByEmailSetsANewPasswordOnceAndEndsEverySession() {
        Api patient = AvailabilityTestData.newPatient(api, site.branchId());
        String email = patient.get("/api/v1/patients/me").json("email").asString();
        Sessions.Session other = Sessions.login(api, email, PATIENT_PASSWORD);

        Api.Response asked =
                api.fromNewAddress().anonymous().post("/api/v1/auth/password-reset", Map.of("login", email));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        String token = awaitLink(email);

        Api.Response weak = api.anonymous()
                .post("/api/v1/auth/password-reset/complete", Map.of("token", token, "password", "abcdefghijkl"));
        assertThat(weak.status()).as(weak.toString()).isEqualTo(422);
        assertThat(weak.json("code").asString()).isEqualTo("account.password-too-weak");

        Api.Response reset = api.anonymous()
                .post("/api/v1/auth/password-reset/complete", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(reset.status())
                .as("a refused password does not use the link up: %s", reset)
                .isEqualTo(204);

        Api.Response again = api.anonymous()
                .post("/api/v1/auth/password-reset/complete", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.json("code").asString()).isEqualTo("account.reset-token-invalid");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        api.as(other.accessToken()).get("/api/v1/me").status())
                .as("the sessions signed in with the old password end")
                .isEqualTo(401));
        Api.Response oldPassword = api.fromNewAddress()
                .anonymous()
                .post("/api/v1/auth/login", Map.of("login", email, "password", PATIENT_PASSWORD));
        assertThat(oldPassword.status()).isEqualTo(401);
        Sessions.login(api.fromNewAddress(), email, NEW_PASSWORD);
    }

    @Test
    void anUnknownLoginIsAnsweredAlikeAndNothingIsSent() {
        String nobody = "nobody." + UUID.randomUUID() + "@example.com";
        Api.Response asked =
                api.fromNewAddress().anonymous().post("/api/v1/auth/password-reset", Map.of("login", nobody));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.rawBody()).isNullOrEmpty();

        // A known login asked for after it is sent once its message is out; the unknown one never is.
        Api patient = AvailabilityTestData.newPatient(api, site.branchId());
        String email = patient.get("/api/v1/patients/me").json("email").asString();
        api.fromNewAddress().anonymous().post("/api/v1/auth/password-reset", Map.of("login", email));
        awaitLink(email);
        assertThat(ProviderFakes.get().received(ProviderFakes.SENDGRID_SEND, nobody))
                .isEmpty();
    }

    @Test
    void aLoginIsSentAFewLinksAnHourThenTheRequestIsRefusedWithRetryAfter() {
        Api patient = AvailabilityTestData.newPatient(api, site.branchId());
        String email = patient.get("/api/v1/patients/me").json("email").asString();
        for (int i = 0; i < 3; i++) {
            Api.Response asked =
                    api.fromNewAddress().anonymous().post("/api/v1/auth/password-reset", Map.of("login", email));
            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        }
        Api.Response refused =
                api.fromNewAddress().anonymous().post("/api/v1/auth/password-reset", Map.of("login", email));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json("code").asString()).isEqualTo("auth.too-many-resets");
        assertThat(refused.header("Retry-After")).isPresent();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(links(email)).hasSize(3));
        // The messages may arrive in any order; whichever came last, only the newest link works.
        List<Integer> answers = links(email).stream()
                .map(token -> api.anonymous()
                        .post("/api/v1/auth/password-reset/complete", Map.of("token", token, "password", NEW_PASSWORD))
                        .status())
                .toList();
        assertThat(answers).as("a newer link replaces the ones before").containsExactlyInAnyOrder(204, 422, 422);
    }

    @Test
    void aBlankLoginIsABadRequest() {
        Api.Response blank = api.fromNewAddress().anonymous().post("/api/v1/auth/password-reset", Map.of("login", " "));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
    }

    private static String awaitLink(String email) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(links(email)).isNotEmpty());
        return links(email).getLast();
    }

    /** The reset links e-mailed to this address, oldest first. */
    private static List<String> links(String email) {
        List<ServeEvent> sent = ProviderFakes.get().received(ProviderFakes.SENDGRID_SEND, email);
        return sent.reversed().stream()
                .map(event -> LINK.matcher(event.getRequest().getBodyAsString()))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .distinct()
                .toList();
    }
}
