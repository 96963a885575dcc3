package com.clinic.payments.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.payments.application.CardPaymentSettings;
import com.clinic.payments.application.port.CardPayments;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentStatus;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stripe's Java SDK against a local PaymentIntents API: created with the command's idempotency key,
 * a declined card, 3-D Secure, 429 and a 5xx the SDK retries with the same key; webhooks signed with
 * the real scheme (HMAC-SHA256 over timestamp and body), refused when forged or old.
 */
class StripeCardPaymentsTest {

    @RegisterExtension
    static final WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String WEBHOOK_SECRET = "whsec_test_secret";
    private static final Money AMOUNT = new Money(17_250, "SAR");

    private static CardPaymentSettings settings(Optional<String> key, int retries) {
        return new CardPaymentSettings(
                true,
                key,
                Optional.of(WEBHOOK_SECRET),
                Duration.ofMinutes(5),
                Optional.of(URI.create(stripe.baseUrl())),
                retries,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    private static StripeCardPayments adapter() {
        return new StripeCardPayments(settings(Optional.of("sk_test_123"), 2));
    }

    static String intentJson(String id, String status, String extra) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 17250, "currency": "sar", "status": "%s",
                 "client_secret": "%s_secret_abc", "metadata": {"payment_id": "p-1"}%s}"""
                .formatted(id, status, id, extra);
    }

    private static void answerCreate(int status, String body) {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void anIntentIsCreatedWithTheCommandsIdempotencyKeyAmountInMinorUnitsAndMetadata() {
        answerCreate(200, intentJson("pi_1", "requires_payment_method", ""));

        CardPayments.Intent intent =
                adapter().createIntent("card-payment-1", AMOUNT, "Invoice 41", Map.of("invoice_id", "inv-1"));

        assertThat(intent.intentId()).isEqualTo("pi_1");
        assertThat(intent.status()).isEqualTo(CardPaymentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(intent.amount()).isEqualTo(AMOUNT);
        assertThat(intent.clientSecret()).contains("pi_1_secret_abc");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("card-payment-1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withRequestBody(containing("amount=17250"))
                .withRequestBody(containing("currency=sar"))
                .withRequestBody(containing("metadata[invoice_id]=inv-1")));
    }

    @Test
    void aPaymentThatNeedsThreeDSecureIsReportedAsRequiringAction() {
        answerCreate(200, intentJson("pi_3ds", "requires_action", ", \"next_action\": {\"type\": \"use_stripe_sdk\"}"));

        assertThat(adapter().createIntent("k-3ds", AMOUNT, "x", Map.of()).status())
                .isEqualTo(CardPaymentStatus.REQUIRES_ACTION);
    }

    @Test
    void aDeclinedCardIsARefusalWithTheDeclineCode() {
        answerCreate(
                402,
                """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                 "message": "Your card has insufficient funds."}}""");

        assertThatThrownBy(() -> adapter().createIntent("k-declined", AMOUNT, "x", Map.of()))
                .isInstanceOf(CardPayments.Refused.class)
                .hasMessage("insufficient_funds");
    }

    @Test
    void tooManyRequestsIsUnavailableForNow() {
        answerCreate(
                429,
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", \"message\": \"Too many\"}}");

        assertThatThrownBy(() -> new StripeCardPayments(settings(Optional.of("sk_test_123"), 0))
                        .createIntent("k-429", AMOUNT, "x", Map.of()))
                .isInstanceOf(CardPayments.Unavailable.class)
                .hasMessageContaining("429");
    }

    @Test
    void aServerErrorIsRetriedByTheSdkWithTheSameIdempotencyKey() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .inScenario("5xx")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"boom\"}}"))
                .willSetStateTo("recovered"));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .inScenario("5xx")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(intentJson("pi_retry", "requires_payment_method", ""))));

        CardPayments.Intent intent = adapter().createIntent("k-retried", AMOUNT, "x", Map.of());

        assertThat(intent.intentId()).isEqualTo("pi_retry");
        List<LoggedRequest> calls = stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
        assertThat(calls).hasSize(2).allSatisfy(call -> assertThat(call.getHeader("Idempotency-Key"))
                .isEqualTo("k-retried"));
    }

    @Test
    void aServerErrorThatLastsIsUnavailable() {
        answerCreate(503, "{\"error\": {\"type\": \"api_error\", \"message\": \"down\"}}");

        assertThatThrownBy(() -> new StripeCardPayments(settings(Optional.of("sk_test_123"), 1))
                        .createIntent("k-down", AMOUNT, "x", Map.of()))
                .isInstanceOf(CardPayments.Unavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void aRejectedSecretKeyIsUnavailableNotTheCallersFault() {
        answerCreate(
                401, "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Invalid API Key provided\"}}");

        assertThatThrownBy(() -> adapter().createIntent("k-401", AMOUNT, "x", Map.of()))
                .isInstanceOf(CardPayments.Unavailable.class)
                .hasMessage("the secret key is not accepted");
    }

    @Test
    void aRefundIsCreatedOnceForItsKeyAgainstTheIntent() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"re_1\", \"object\": \"refund\", \"amount\": 8625, \"currency\": \"sar\","
                                + " \"status\": \"succeeded\", \"payment_intent\": \"pi_1\"}")));

        CardPayments.ProviderRefund refund = adapter().refund("refund-key-1", "pi_1", new Money(8_625, "SAR"));

        assertThat(refund.refundId()).isEqualTo("re_1");
        assertThat(refund.taken()).isTrue();
        assertThat(refund.amount()).isEqualTo(new Money(8_625, "SAR"));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-key-1"))
                .withRequestBody(containing("payment_intent=pi_1"))
                .withRequestBody(containing("amount=8625")));
    }

    @Test
    void aRefundBeyondWhatWasChargedIsARefusal() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"amount_too_large\","
                                + " \"message\": \"Refund amount is greater than charge amount\"}}")));

        assertThatThrownBy(() -> adapter().refund("k", "pi_1", new Money(99_999, "SAR")))
                .isInstanceOf(CardPayments.Refused.class)
                .hasMessage("amount_too_large");
    }

    @Test
    void anIntentIsReadBackForReconciliation() {
        stripe.stubFor(get(urlEqualTo("/v1/payment_intents/pi_9"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(intentJson("pi_9", "succeeded", ""))));

        assertThat(adapter().retrieve("pi_9").status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
    }

    @Test
    void withoutASecretKeyCardPaymentsAreUnavailableAndNothingIsCalled() {
        StripeCardPayments none = new StripeCardPayments(settings(Optional.empty(), 2));

        assertThat(none.availability().available()).isFalse();
        assertThat(none.availability().reason()).contains("no secret key");
        assertThatThrownBy(() -> none.createIntent("k", AMOUNT, "x", Map.of()))
                .isInstanceOf(CardPayments.Unavailable.class);
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))))
                .isEmpty();
    }

    /** An event as Stripe sends it, at the SDK's API version. */
    static String event(String id, String type, String intentId, String status, long created) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "type": "%s",
                 "data": {"object": %s}}"""
                .formatted(id, Stripe.API_VERSION, created, type, intentJson(intentId, status, ""));
    }

    /** The Stripe-Signature header for a body, signed at {@code timestamp}. */
    static String signature(String secret, String payload, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void aSignedWebhookIsReadAsANotificationAboutItsIntent() {
        long now = Instant.now().getEpochSecond();
        String payload = event("evt_1", "payment_intent.succeeded", "pi_1", "succeeded", now - 3);

        Optional<CardPayments.Notification> notification =
                adapter().verify(payload, signature(WEBHOOK_SECRET, payload, now));

        assertThat(notification).hasValueSatisfying(n -> {
            assertThat(n.eventId()).isEqualTo("evt_1");
            assertThat(n.intentId()).isEqualTo("pi_1");
            assertThat(n.status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
            assertThat(n.occurredAt()).isEqualTo(Instant.ofEpochSecond(now - 3));
            assertThat(n.metadata()).containsEntry("payment_id", "p-1");
        });
    }

    @Test
    void aForgedOrStaleWebhookIsNotBelieved() {
        long now = Instant.now().getEpochSecond();
        String payload = event("evt_2", "payment_intent.succeeded", "pi_1", "succeeded", now);

        assertThatThrownBy(() -> adapter().verify(payload, signature("whsec_other", payload, now)))
                .isInstanceOf(CardPayments.Unverified.class);
        assertThatThrownBy(
                        () -> adapter().verify(payload.replace("17250", "1"), signature(WEBHOOK_SECRET, payload, now)))
                .isInstanceOf(CardPayments.Unverified.class);
        assertThatThrownBy(() -> adapter().verify(payload, signature(WEBHOOK_SECRET, payload, now - 600)))
                .isInstanceOf(CardPayments.Unverified.class);
        assertThatThrownBy(() -> adapter().verify(payload, null)).isInstanceOf(CardPayments.Unverified.class);
    }

    @Test
    void anEventAboutSomethingElseIsNoNotification() {
        long now = Instant.now().getEpochSecond();
        String payload =
                """
                {"id": "evt_3", "object": "event", "api_version": "%s", "created": %d, "type": "customer.created",
                 "data": {"object": {"id": "cus_1", "object": "customer"}}}"""
                        .formatted(Stripe.API_VERSION, now);

        assertThat(adapter().verify(payload, signature(WEBHOOK_SECRET, payload, now)))
                .isEmpty();
    }
}
