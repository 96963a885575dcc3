package com.clinic.payments;

import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.payments.application.CardCheckout;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProviderFakes;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Paying an invoice by card, Stripe's SDK against the local fake: the payment asked of Stripe with
 * its own id as idempotency key, posted to the invoice once Stripe's signed webhook says it
 * succeeded; a forged event records nothing, a redelivered one changes nothing, a late "processing"
 * never undoes "succeeded", and a webhook that never came is made good by asking Stripe.
 */
@IntegrationTest
class CardPaymentHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    CardCheckout checkout;

    @Autowired
    JdbcTemplate jdbc;

    private Api anonymous;
    private Api patient;
    private String invoiceId;

    @BeforeEach
    void aPatientWithAnIssuedInvoiceOf115Riyals() {
        Api api = Api.on(port);
        anonymous = api.anonymous();
        Api admin = api.as(Sessions.admin(api));
        AvailabilityTestData.Site site = newSite(admin, "Asia/Riyadh");
        Api reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
        patient = newPatient(api, site.branchId());
        UUID patientId =
                UUID.fromString(patient.get("/api/v1/patients/me").json("id").asString());
        Api.Response opened = reception.post(
                "/api/v1/invoices",
                Map.of(
                        "branchId",
                        site.branchId(),
                        "patientId",
                        patientId,
                        "lines",
                        List.of(Map.of("kind", "PROCEDURE", "description", "Dressing", "unitPrice", "100.00"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        invoiceId = opened.json("id").asString();
        assertThat(reception
                        .post("/api/v1/invoices/" + invoiceId + "/issue", null)
                        .status())
                .isEqualTo(204);
    }

    private JsonNode started() {
        Api.Response started = patient.post("/api/v1/invoices/" + invoiceId + "/card-payments", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.body();
    }

    private Api.Response deliver(String payload, String signature) {
        return anonymous.header("Stripe-Signature", signature).post("/api/v1/webhooks/payments/stripe", payload);
    }

    private Api.Response deliver(String eventId, String status, JsonNode payment, long created) {
        String payload = StripeEvents.event(
                eventId,
                status,
                intentOf(payment),
                11_500,
                payment.path("paymentId").asString(),
                created);
        return deliver(payload, StripeEvents.signature(payload, Instant.now().getEpochSecond()));
    }

    private static String intentOf(JsonNode payment) {
        return "pi_" + payment.path("paymentId").asString();
    }

    private JsonNode invoice() {
        return patient.get("/api/v1/invoices/" + invoiceId).body();
    }

    private List<JsonNode> cardEntries(JsonNode invoice) {
        List<JsonNode> found = new ArrayList<>();
        invoice.path("ledger").forEach(entry -> {
            if (entry.path("method").asString().equals("CARD_ONLINE")) {
                found.add(entry);
            }
        });
        return found;
    }

    private JsonNode awaitPaid() {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = invoice();
            assertThat(last[0].path("status").asString()).as(last[0].toString()).isEqualTo("PAID");
        });
        return last[0];
    }

    @Test
    void thePatientPaysWhatIsOutstandingAndStripesSignedWebhookPostsItOnce() {
        JsonNode payment = started();
        assertThat(payment.path("amount").asString()).isEqualTo("115.00");
        assertThat(payment.path("currency").asString()).isEqualTo("SAR");
        assertThat(payment.path("status").asString()).isEqualTo("REQUIRES_PAYMENT_METHOD");
        assertThat(payment.path("clientSecret").asString()).isEqualTo(intentOf(payment) + "_secret_fake");
        assertThat(ProviderFakes.get().received(ProviderFakes.STRIPE_INTENTS, "amount=11500"))
                .anySatisfy(call -> assertThat(call.getRequest().getHeader("Idempotency-Key"))
                        .isEqualTo(payment.path("paymentId").asString()));
        JsonNode again = started();
        assertThat(again.path("paymentId").asString())
                .as("asked again, the same payment and intent")
                .isEqualTo(payment.path("paymentId").asString());

        long now = Instant.now().getEpochSecond();
        Api.Response first = deliver("evt_ok_" + UUID.randomUUID(), "succeeded", payment, now);
        String eventId = "evt_dup_" + UUID.randomUUID();
        Api.Response once = deliver(eventId, "succeeded", payment, now + 1);
        Api.Response twice = deliver(eventId, "succeeded", payment, now + 1);

        assertThat(List.of(first.status(), once.status(), twice.status())).containsOnly(204);
        JsonNode paid = awaitPaid();
        assertThat(cardEntries(paid)).singleElement().satisfies(entry -> {
            assertThat(entry.path("amount").asString()).isEqualTo("115.00");
            assertThat(entry.path("reference").asString()).isEqualTo(intentOf(payment));
            assertThat(entry.path("receiptNumber").asLong()).isPositive();
        });
        Api.Response deskRefund = Api.on(port)
                .as(Sessions.admin(Api.on(port)))
                .post(
                        "/api/v1/invoices/" + invoiceId + "/refunds",
                        Map.of(
                                "paymentId",
                                payment.path("paymentId").asString(),
                                "amount",
                                "10.00",
                                "reason",
                                "GOODWILL"));
        assertThat(deskRefund.status()).as(deskRefund.toString()).isEqualTo(422);
        assertThat(deskRefund.json("code").asString()).isEqualTo("refund.card-online-at-provider");
        Api.Response nothingLeft = patient.post("/api/v1/invoices/" + invoiceId + "/card-payments", null);
        assertThat(nothingLeft.status()).as(nothingLeft.toString()).isEqualTo(409);
        assertThat(nothingLeft.json("code").asString()).isEqualTo("invoice.nothing-to-pay");
    }

    @Test
    void aForgedOrStaleEventIsRefusedAndRecordsNothing() {
        JsonNode payment = started();
        long now = Instant.now().getEpochSecond();
        String payload = StripeEvents.event(
                "evt_forged",
                "succeeded",
                intentOf(payment),
                11_500,
                payment.path("paymentId").asString(),
                now);

        Api.Response forged = deliver(payload, StripeEvents.signature("whsec_someone_else", payload, now));
        Api.Response stale = deliver(payload, StripeEvents.signature(payload, now - 3_600));
        Api.Response unsigned = anonymous.post("/api/v1/webhooks/payments/stripe", payload);

        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.json("code").asString()).isEqualTo("payment.webhook-signature-invalid");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?",
                        Long.class,
                        payment.path("paymentId").asString()))
                .as("requested and its intent attached, nothing from the forged events")
                .isEqualTo(2);
        assertThat(invoice().path("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aLateProcessingNeverUndoesSucceeded() {
        JsonNode payment = started();
        long now = Instant.now().getEpochSecond();

        assertThat(deliver("evt_s_" + UUID.randomUUID(), "succeeded", payment, now)
                        .status())
                .isEqualTo(204);
        assertThat(deliver("evt_p_" + UUID.randomUUID(), "processing", payment, now - 5)
                        .status())
                .isEqualTo(204);

        awaitPaid();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select status from card_payment_view where payment_id = ?::uuid",
                        String.class,
                        payment.path("paymentId").asString()))
                .isEqualTo("SUCCEEDED"));
        assertThat(cardEntries(invoice())).hasSize(1);
    }

    @Test
    void aWebhookThatNeverCameIsMadeGoodByAskingStripe() {
        JsonNode payment = started();
        ProviderFakes.get().stripeIntentIs(intentOf(payment), 11_500, "SAR", "succeeded");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from card_payment_view where payment_id = ?::uuid and intent_id is not null",
                                Long.class,
                                payment.path("paymentId").asString())
                        == 1);

        checkout.reconcile(Duration.ZERO, 1_000);

        JsonNode paid = awaitPaid();
        assertThat(cardEntries(paid)).hasSize(1);
    }

    @Test
    void anEventAboutAPaymentThisServerNeverStartedIsAcceptedAndIgnored() {
        long now = Instant.now().getEpochSecond();
        String payload = StripeEvents.event(
                "evt_stranger",
                "succeeded",
                "pi_stranger",
                100,
                UUID.randomUUID().toString(),
                now);

        assertThat(deliver(payload, StripeEvents.signature(payload, now)).status())
                .isEqualTo(204);
    }
}
