package com.clinic.notifications.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.EmailSettings;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.EmailMessages.EmailMessage;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SendGrid's Java SDK against a local Mail Send endpoint. */
class SendGridEmailMessagesTest {

    @RegisterExtension
    static final WireMockExtension sendGrid = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String MAIL_SEND = "/v3/mail/send";

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final List<SendGridEmailMessages> adapters = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (SendGridEmailMessages adapter : adapters) {
            adapter.close();
        }
    }

    private SendGridEmailMessages adapter(EmailSettings settings) {
        SendGridEmailMessages adapter =
                new SendGridEmailMessages(settings, Channels.UNLIMITED, Clock.fixed(NOW, ZoneOffset.UTC));
        adapters.add(adapter);
        return adapter;
    }

    private SendGridEmailMessages adapter() {
        return adapter(Channels.email(Optional.of(Channels.API_KEY), sendGrid.baseUrl(), 100));
    }

    private static EmailMessage message(Optional<String> unsubscribeUrl) {
        return new EmailMessage(
                "notification-7:email",
                "patient@example.org",
                "Your appointment",
                "<p dir=\"rtl\">موعدك</p>",
                "موعدك",
                "ar",
                Map.of("notification_id", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "template", "appointment.reminder"),
                unsubscribeUrl);
    }

    private static void sendGridAnswers(int status, String body) {
        sendGrid.stubFor(post(MAIL_SEND)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void anAcceptedMessageCarriesBothPartsTheTrackingArgsTheKeyAndTheUnsubscribeHeader() {
        sendGrid.stubFor(
                post(MAIL_SEND).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-abc-123")));

        DeliveryOutcome outcome = adapter().send(message(Optional.of("https://clinic.example/unsubscribe/t-1")));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class, accepted -> {
            assertThat(accepted.provider()).isEqualTo("sendgrid");
            assertThat(accepted.providerMessageId()).isEqualTo("msg-abc-123");
            assertThat(accepted.answer()).isEqualTo("202");
        });
        sendGrid.verify(postRequestedFor(urlEqualTo(MAIL_SEND))
                .withHeader("Authorization", equalTo("Bearer " + Channels.API_KEY))
                .withRequestBody(matchingJsonPath("$.from.email", equalTo("clinic@example.org")))
                .withRequestBody(matchingJsonPath("$.from.name", equalTo("The Clinic")))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo("patient@example.org")))
                .withRequestBody(matchingJsonPath("$.subject", equalTo("Your appointment")))
                .withRequestBody(matchingJsonPath("$.content[0].type", equalTo("text/plain")))
                .withRequestBody(matchingJsonPath("$.content[0].value", equalTo("موعدك")))
                .withRequestBody(matchingJsonPath("$.content[1].type", equalTo("text/html")))
                .withRequestBody(matchingJsonPath(
                        "$.custom_args.notification_id", equalTo("1b4e28ba-2fa1-11d2-883f-0016d3cca427")))
                .withRequestBody(matchingJsonPath("$.custom_args.idempotency_key", equalTo("notification-7:email")))
                .withRequestBody(matchingJsonPath(
                        "$.headers.List-Unsubscribe", equalTo("<https://clinic.example/unsubscribe/t-1>")))
                .withRequestBody(
                        matchingJsonPath("$.headers.List-Unsubscribe-Post", equalTo("List-Unsubscribe=One-Click")))
                .withRequestBody(matchingJsonPath("$.headers.Content-Language", equalTo("ar")))
                .withRequestBody(matchingJsonPath("$.categories[0]", equalTo("notification"))));
    }

    @Test
    void aMessageWithoutAnUnsubscribeUrlHasNoListUnsubscribeHeader() {
        sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "m-2")));

        assertThat(adapter().send(message(Optional.empty()))).isInstanceOf(DeliveryOutcome.Accepted.class);

        sendGrid.verify(postRequestedFor(urlEqualTo(MAIL_SEND))
                .withRequestBody(matchingJsonPath("$.headers.Content-Language"))
                .withRequestBody(notContaining("List-Unsubscribe")));
    }

    @Test
    void tooManyRequestsIsTransientUntilTheRateLimitResets() {
        sendGrid.stubFor(post(MAIL_SEND)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("X-RateLimit-Limit", "600")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 42))
                        .withBody("{\"errors\": [{\"field\": null, \"message\": \"too many requests\"}]}")));

        DeliveryOutcome outcome = adapter().send(message(Optional.empty()));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Transient.class, transientFailure -> {
            assertThat(transientFailure.answer()).isEqualTo("429");
            assertThat(transientFailure.retryAfter()).contains(Duration.ofSeconds(42));
        });
        sendGrid.verify(1, postRequestedFor(urlEqualTo(MAIL_SEND)));
    }

    @Test
    void aServerErrorIsTransient() {
        sendGridAnswers(503, "{\"errors\": [{\"message\": \"service unavailable\"}]}");

        assertThat(adapter().send(message(Optional.empty())))
                .isInstanceOfSatisfying(DeliveryOutcome.Transient.class, transientFailure -> {
                    assertThat(transientFailure.answer()).isEqualTo("503");
                    assertThat(transientFailure.retryAfter()).isEmpty();
                });
    }

    @Test
    void aBadRequestIsRejectedNamingTheFieldSendGridRefused() {
        sendGridAnswers(
                400,
                "{\"errors\": [{\"field\": \"from.email\", \"message\": \"The from address does not match a verified"
                        + " Sender Identity\", \"help\": null}]}");

        assertThat(adapter().send(message(Optional.empty())))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("400 (from.email)"));
    }

    @Test
    void aRefusedApiKeyIsRejected() {
        sendGridAnswers(
                401,
                "{\"errors\": [{\"field\": null, \"message\": \"The provided authorization grant is"
                        + " invalid, expired, or revoked\"}]}");

        assertThat(adapter().send(message(Optional.empty())))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("401"));
    }

    @Test
    void aKeyWithoutMailSendPermissionIsRejected() {
        sendGridAnswers(403, "{\"errors\": [{\"field\": null, \"message\": \"access forbidden\"}]}");

        assertThat(adapter().send(message(Optional.empty()))).isInstanceOf(DeliveryOutcome.Rejected.class);
    }

    @Test
    void aConnectionThatBreaksIsTransient() {
        sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(adapter().send(message(Optional.empty())))
                .isInstanceOfSatisfying(
                        DeliveryOutcome.Transient.class, transientFailure -> assertThat(transientFailure.answer())
                                .startsWith("no answer"));
    }

    @Test
    void withoutAnApiKeyTheChannelIsUnavailableAndNothingIsSent() {
        SendGridEmailMessages adapter = adapter(Channels.email(Optional.empty(), sendGrid.baseUrl(), 100));

        assertThat(adapter.status().available()).isFalse();
        assertThat(adapter.status().reason()).isEqualTo("no API key");
        assertThat(adapter.send(message(Optional.empty())))
                .isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> assertThat(rejected.answer())
                        .isEqualTo("channel unavailable"));
        sendGrid.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutASenderAddressTheChannelIsUnavailableAndNothingIsSent() {
        EmailSettings keyed = Channels.email(Optional.of(Channels.API_KEY), sendGrid.baseUrl(), 100);
        SendGridEmailMessages adapter = adapter(new EmailSettings(
                true,
                keyed.apiKey(),
                Optional.of(" "),
                keyed.fromName(),
                keyed.categories(),
                keyed.webhookPublicKey(),
                keyed.webhookTolerance(),
                keyed.baseUrl(),
                keyed.ratePerSecond(),
                keyed.connectTimeout(),
                keyed.readTimeout()));

        assertThat(adapter.status().reason()).isEqualTo("no sender address");
        assertThat(adapter.send(message(Optional.empty()))).isInstanceOf(DeliveryOutcome.Rejected.class);
        sendGrid.verify(0, anyRequestedFor(anyUrl()));
    }
}
