package com.clinic.payments;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
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
import java.time.LocalDate;
import java.time.ZoneId;
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
 * never undoes "succeeded", a webhook that never came is made good by asking Stripe, and money back
 * on a card payment (by the desk, or by the policy when the visit is cancelled) goes through Stripe once.
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
    private Api reception;
    private AvailabilityTestData.Site site;
    private String invoiceId;

    @BeforeEach
    void aPatientWithAnIssuedInvoiceOf115Riyals() {
        Api api = Api.on(port);
        anonymous = api.anonymous();
        Api admin = api.as(Sessions.admin(api));
        site = newSite(admin, "Asia/Riyadh");
        reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
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
        Api.Response nothingLeft = patient.post("/api/v1/invoices/" + invoiceId + "/card-payments", null);
        assertThat(nothingLeft.status()).as(nothingLeft.toString()).isEqualTo(409);
        assertThat(nothingLeft.json("code").asString()).isEqualTo("invoice.nothing-to-pay");
    }

    @Test
    void aRefundOfACardPaymentGoesBackThroughStripeAndIsRecordedOnce() {
        JsonNode payment = started();
        long now = Instant.now().getEpochSecond();
        assertThat(deliver("evt_r_" + UUID.randomUUID(), "succeeded", payment, now)
                        .status())
                .isEqualTo(204);
        awaitPaid();
        Map<String, Object> refund =
                Map.of("paymentId", payment.path("paymentId").asString(), "amount", "15.00", "reason", "GOODWILL");
        String key = UUID.randomUUID().toString();

        Api.Response refunded =
                reception.header("Idempotency-Key", key).post("/api/v1/invoices/" + invoiceId + "/refunds", refund);
        Api.Response retried =
                reception.header("Idempotency-Key", key).post("/api/v1/invoices/" + invoiceId + "/refunds", refund);
        Api.Response tooMuch = reception.post(
                "/api/v1/invoices/" + invoiceId + "/refunds",
                Map.of("paymentId", payment.path("paymentId").asString(), "amount", "100.01", "reason", "GOODWILL"));

        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(retried.json("id").asString()).isEqualTo(refunded.json("id").asString());
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(tooMuch.json("code").asString()).isEqualTo("refund.exceeds-payment");
        assertThat(ProviderFakes.get().received(ProviderFakes.STRIPE_REFUNDS, "payment_intent=" + intentOf(payment)))
                .as("one refund asked of Stripe, for the intent")
                .singleElement()
                .satisfies(
                        call -> assertThat(call.getRequest().getBodyAsString()).contains("amount=1500"));
        JsonNode after = invoice();
        assertThat(after.path("refunded").asString()).isEqualTo("15.00");
        assertThat(after.path("ledger"))
                .filteredOn(entry -> entry.path("kind").asString().equals("REFUND"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.path("method").asString()).isEqualTo("CARD_ONLINE"));
    }

    @Test
    void aLateCancellationOfAVisitPaidByCardRefundsThePolicysPartThroughStripe() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        UUID doctorId = newDoctor(api, admin, site, "dermatology").doctorId();
        UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        assertThat(admin.header("If-None-Match", "*")
                        .put(schedulePath(doctorId, site.branchId()), everyDay("08:00", "20:00"))
                        .status())
                .isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
        JsonNode slot = patient.get("/api/v1/slots?doctorId=" + doctorId + "&branchId=" + site.branchId()
                        + "&appointmentTypeId=" + typeId + "&from=" + today + "&to=" + today.plusDays(2) + "&limit=1")
                .body()
                .path("items")
                .get(0);
        // The first free time is within the day: inside the 24 hours' notice, half of the price comes back.
        Api.Response booked = patient.header("Prefer", "wait-for=processes")
                .post(
                        "/api/v1/appointments",
                        Map.of(
                                "slot",
                                Map.of(
                                        "doctorId",
                                        doctorId,
                                        "branchId",
                                        site.branchId(),
                                        "appointmentTypeId",
                                        typeId,
                                        "start",
                                        slot.path("startUtc").asString())));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String appointment = booked.json("appointmentId").asString();
        invoiceId = awaitOk(patient, "/api/v1/appointments/" + appointment + "/invoice")
                .json("invoiceId")
                .asString();
        JsonNode payment = started();
        assertThat(payment.path("amount").asString()).isEqualTo("172.50");
        String payload = StripeEvents.event(
                "evt_visit_" + UUID.randomUUID(),
                "succeeded",
                intentOf(payment),
                17_250,
                payment.path("paymentId").asString(),
                Instant.now().getEpochSecond());
        assertThat(deliver(
                                payload,
                                StripeEvents.signature(payload, Instant.now().getEpochSecond()))
                        .status())
                .isEqualTo(204);
        awaitPaid();

        Api.Response cancelled = patient.header("Prefer", "wait-for=processes")
                .post("/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", "PATIENT_REQUEST"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);

        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = invoice();
            assertThat(last[0].path("refunded").asString())
                    .as(last[0].toString())
                    .isEqualTo("86.25");
        });
        assertThat(last[0].path("settlement").path("reasonCode").asString()).isEqualTo("refund.cancelled-late");
        assertThat(last[0].path("outstanding").asString()).isEqualTo("0.00");
        assertThat(ProviderFakes.get().received(ProviderFakes.STRIPE_REFUNDS, "payment_intent=" + intentOf(payment)))
                .singleElement()
                .satisfies(
                        call -> assertThat(call.getRequest().getBodyAsString()).contains("amount=8625"));
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
