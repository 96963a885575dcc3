package com.clinic.payments;

import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.math.BigDecimal;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Invoices end to end: a booked visit billed at its type's price with VAT and the clinic's next
 * number, cash at the desk retried without a second payment, a late cancellation settled by the
 * refund policy with its reason in both languages and paid back, refunds above the threshold kept
 * for managers, drafts edited at the desk, and who sees which invoice.
 */
@IntegrationTest
class InvoiceHttpTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @LocalServerPort
    int port;

    private Api admin;
    private Api reception;
    private Api manager;
    private AvailabilityTestData.Site site;
    private UUID doctorId;
    private UUID typeId;

    @BeforeEach
    void aBranchWithADoctorReceptionAndAManager() {
        Api api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        site = newSite(admin, RIYADH.getId());
        doctorId = newDoctor(api, admin, site, "dermatology").doctorId();
        typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        Api.Response schedule = admin.header("If-None-Match", "*")
                .put(schedulePath(doctorId, site.branchId()), everyDay("08:00", "20:00"));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        reception = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
        manager =
                api.as(Sessions.staff(api, Role.MANAGER, site.clinicId(), null).accessToken());
    }

    @Test
    void aBookedVisitIsInvoicedAtItsTypesPriceWithVatAndTheClinicsNextNumber() {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);

        String appointment = book(patientId, freeStarts(patient).get(5));

        JsonNode invoice = awaitInvoice(
                patient, appointment, i -> i.path("status").asString().equals("ISSUED"));
        assertThat(invoice.path("number").asLong()).isEqualTo(1);
        assertThat(invoice.path("currency").asString()).isEqualTo("SAR");
        assertThat(invoice.path("patientId").asString()).isEqualTo(patientId.toString());
        assertThat(invoice.path("lines")).singleElement().satisfies(line -> {
            assertThat(line.path("kind").asString()).isEqualTo("APPOINTMENT");
            assertThat(line.path("unitPrice").asString()).isEqualTo("150.00");
            assertThat(line.path("taxPercent").asString()).isEqualTo("15.00");
            assertThat(line.path("tax").asString()).isEqualTo("22.50");
        });
        assertThat(invoice.path("total").asString()).isEqualTo("172.50");
        assertThat(invoice.path("outstanding").asString()).isEqualTo("172.50");
        assertThat(invoice.path("ledger")).singleElement().satisfies(entry -> {
            assertThat(entry.path("kind").asString()).isEqualTo("CHARGE");
            assertThat(entry.path("amount").asString()).isEqualTo("172.50");
        });
    }

    @Test
    void cashAtTheDeskRetriedIsOnePaymentAndALateCancellationRefundsHalfWithItsReason() {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);
        // The first free start is within the day: less than the 24 hours' notice of a full refund.
        String appointment = book(patientId, freeStarts(patient).getFirst());
        String invoiceId = awaitInvoice(
                        reception, appointment, i -> i.path("status").asString().equals("ISSUED"))
                .path("invoiceId")
                .asString();

        Map<String, Object> cash = Map.of("method", "CASH", "amount", new BigDecimal("172.50"));
        String key = UUID.randomUUID().toString();
        Api.Response paid = reception.header("Idempotency-Key", key).post(payments(invoiceId), cash);
        Api.Response retried = reception.header("Idempotency-Key", key).post(payments(invoiceId), cash);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json("id").asString()).isEqualTo(paid.json("id").asString());
        JsonNode afterPayment = invoice(reception, invoiceId);
        assertThat(afterPayment.path("status").asString()).isEqualTo("PAID");
        assertThat(entries(afterPayment, "PAYMENT")).singleElement().satisfies(entry -> {
            assertThat(entry.path("receiptNumber").asLong()).isEqualTo(1);
            assertThat(entry.path("method").asString()).isEqualTo("CASH");
        });

        JsonNode receipt = patient.get("/api/v1/invoices/" + invoiceId + "/payments/"
                        + paid.json("id").asString() + "/receipt")
                .body();
        assertThat(receipt.path("receiptNumber").asLong()).isEqualTo(1);
        assertThat(receipt.path("amount").asString()).isEqualTo("172.50");
        assertThat(receipt.path("currency").asString()).isEqualTo("SAR");
        assertThat(receipt.path("method").asString()).isEqualTo("CASH");
        assertThat(receipt.path("outstanding").asString()).isEqualTo("0.00");
        assertThat(receipt.path("clinicNameAr").asString()).startsWith("عيادة");
        assertThat(receipt.path("patientNameEn").asString()).isNotBlank();
        assertThat(receipt.path("timeZone").asString()).isEqualTo("Asia/Riyadh");
        Api stranger = newPatient(Api.on(port), site.branchId());
        assertThat(stranger.get("/api/v1/invoices/" + invoiceId + "/payments/"
                                + paid.json("id").asString() + "/receipt")
                        .status())
                .isEqualTo(404);

        Api.Response cancelled = patient.header("Prefer", "wait-for=processes")
                .post("/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", "PATIENT_REQUEST"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);

        JsonNode settled =
                awaitInvoice(patient, appointment, i -> !i.path("settlement").isNull());
        JsonNode settlement = settled.path("settlement");
        assertThat(settlement.path("reasonCode").asString()).isEqualTo("refund.cancelled-late");
        assertThat(settlement.path("released").asString()).isEqualTo("86.25");
        assertThat(settlement.path("retained").asString()).isEqualTo("86.25");
        assertThat(settlement.path("refundDue").asString()).isEqualTo("86.25");
        assertThat(settlement.path("reason").asString()).contains("50 %").contains("24 hours");
        assertThat(settled.path("outstanding").asString()).isEqualTo("-86.25");
        JsonNode inArabic = patient.header("Accept-Language", "ar")
                .get("/api/v1/appointments/" + appointment + "/invoice")
                .body();
        assertThat(inArabic.path("settlement").path("reason").asString()).contains("رسمَ إلغاء متأخر");

        Api.Response refunded = reception.post(
                "/api/v1/invoices/" + invoiceId + "/refunds",
                Map.of(
                        "paymentId",
                        paid.json("id").asString(),
                        "amount",
                        new BigDecimal("86.25"),
                        "reason",
                        "CANCELLATION"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);

        JsonNode after = invoice(patient, invoiceId);
        assertThat(after.path("outstanding").asString()).isEqualTo("0.00");
        assertThat(after.path("due").asString()).isEqualTo("86.25");
        assertThat(after.path("status").asString()).isEqualTo("PAID");
        assertThat(after.path("ledger"))
                .extracting(entry -> entry.path("kind").asString() + " "
                        + entry.path("amount").asString())
                .containsExactly("CHARGE 172.50", "PAYMENT 172.50", "CREDIT 86.25", "REFUND 86.25");
        Api.Response twice = reception.post(
                "/api/v1/invoices/" + invoiceId + "/refunds",
                Map.of(
                        "paymentId",
                        paid.json("id").asString(),
                        "amount",
                        new BigDecimal("86.26"),
                        "reason",
                        "GOODWILL"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(422);
        assertThat(twice.json("code").asString()).isEqualTo("refund.exceeds-payment");
    }

    @Test
    void aRefundAboveTheClinicsThresholdIsAManagersToMake() {
        UUID patientId = patientId(newPatient(Api.on(port), site.branchId()));
        String invoiceId = issuedDraft(patientId, "1000.00");
        Api.Response paid = reception.post(
                payments(invoiceId), Map.of("method", "CARD_TERMINAL", "amount", 1150, "reference", "T-778812"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        Map<String, Object> refund =
                Map.of("paymentId", paid.json("id").asString(), "amount", 600, "reason", "SERVICE_NOT_PROVIDED");

        Api.Response byReception = reception.post("/api/v1/invoices/" + invoiceId + "/refunds", refund);
        Api.Response byManager = manager.post("/api/v1/invoices/" + invoiceId + "/refunds", refund);

        assertThat(byReception.status()).as(byReception.toString()).isEqualTo(403);
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(201);
        JsonNode after = invoice(manager, invoiceId);
        assertThat(after.path("refunded").asString()).isEqualTo("600.00");
        assertThat(after.path("due").asString()).isEqualTo("550.00");
        assertThat(entries(after, "PAYMENT").getFirst().path("reference").asString())
                .isEqualTo("T-778812");
        assertThat(entries(after, "REFUND").getFirst().path("reason").asString())
                .contains("not provided");
    }

    @Test
    void aDraftIsEditedAtTheDeskAndIssuedWithTheClinicsNextNumberOnce() {
        UUID patientId = patientId(newPatient(Api.on(port), site.branchId()));
        String first = issuedDraft(patientId, "80.00");
        Api.Response opened = reception.post(
                "/api/v1/invoices",
                Map.of(
                        "branchId",
                        site.branchId(),
                        "patientId",
                        patientId,
                        "lines",
                        List.of(line("PROCEDURE", "Dressing", "40.00"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String second = opened.json("id").asString();
        Api.Response added = reception.post(
                "/api/v1/invoices/" + second + "/lines",
                Map.of("kind", "DISCOUNT", "description", "Loyalty", "unitPrice", "-10.00"));
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        Api.Response lab = reception.post(
                "/api/v1/invoices/" + second + "/lines",
                Map.of("kind", "LAB", "description", "CBC", "unitPrice", 45, "taxable", false));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(204);
        String labLine =
                invoice(reception, second).path("lines").get(2).path("lineId").asString();
        Api.Response removed = reception.delete("/api/v1/invoices/" + second + "/lines/" + labLine);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

        Api.Response issued = reception.post("/api/v1/invoices/" + second + "/issue", null);
        Api.Response again = reception.post("/api/v1/invoices/" + second + "/issue", null);

        assertThat(issued.status()).as(issued.toString()).isEqualTo(204);
        assertThat(again.status()).as(again.toString()).isEqualTo(204);
        assertThat(again.header("ETag")).isEqualTo(issued.header("ETag"));
        JsonNode invoice = invoice(reception, second);
        assertThat(invoice.path("number").asLong())
                .isEqualTo(invoice(reception, first).path("number").asLong() + 1);
        assertThat(invoice.path("total").asString()).isEqualTo("34.50"); // (40 - 10) + 15 % VAT
        Api.Response late = reception.post(
                "/api/v1/invoices/" + second + "/lines", Map.of("kind", "LAB", "description", "CBC", "unitPrice", 45));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json("code").asString()).isEqualTo("invoice.not-draft");
        Api.Response tooMuch = reception.post(payments(second), Map.of("method", "CASH", "amount", "34.51"));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(tooMuch.json("code").asString()).isEqualTo("payment.exceeds-outstanding");
        assertThat(tooMuch.json("detail").asString()).contains("34.50");
        Api.Response oddAmount = reception.post(payments(second), Map.of("method", "CASH", "amount", "1.005"));
        assertThat(oddAmount.status()).as(oddAmount.toString()).isEqualTo(422);
        assertThat(oddAmount.json("code").asString()).isEqualTo("payment.amount-invalid");
        assertThat(reception
                        .post(payments(second), Map.of("method", "CASH", "amount", 10))
                        .status())
                .isEqualTo(201);
        Api.Response voided = reception.post("/api/v1/invoices/" + second + "/void", null);
        assertThat(voided.status()).as(voided.toString()).isEqualTo(409);
        assertThat(voided.json("code").asString()).isEqualTo("invoice.has-payments");
        assertThat(invoice(reception, second).path("status").asString()).isEqualTo("PARTLY_PAID");
    }

    @Test
    void patientsSeeTheirOwnInvoicesAndNoOneElses() {
        Api patient = newPatient(Api.on(port), site.branchId());
        UUID patientId = patientId(patient);
        Api stranger = newPatient(Api.on(port), site.branchId());
        String invoiceId = issuedDraft(patientId, "50.00");
        Api auditor = Api.on(port)
                .as(Sessions.staff(Api.on(port), Role.AUDITOR, null, null).accessToken());
        AvailabilityTestData.Site elsewhere = newSite(admin, RIYADH.getId());
        Api otherDesk = Api.on(port)
                .as(Sessions.staff(Api.on(port), Role.RECEPTIONIST, elsewhere.clinicId(), elsewhere.branchId())
                        .accessToken());

        JsonNode mine = patient.get("/api/v1/me/invoices").body();

        assertThat(mine.path("items"))
                .extracting(i -> i.path("invoiceId").asString())
                .containsExactly(invoiceId);
        assertThat(patient.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(404);
        assertThat(otherDesk.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(404);
        assertThat(otherDesk
                        .post(payments(invoiceId), Map.of("method", "CASH", "amount", 1))
                        .status())
                .isEqualTo(404);
        assertThat(auditor.get("/api/v1/invoices/" + invoiceId).status()).isEqualTo(200);
        assertThat(auditor.post(payments(invoiceId), Map.of("method", "CASH", "amount", 1))
                        .status())
                .isEqualTo(403);
        assertThat(patient.post(payments(invoiceId), Map.of("method", "CASH", "amount", 1))
                        .status())
                .isEqualTo(403);
        JsonNode desk = reception
                .get("/api/v1/branches/" + site.branchId() + "/invoices?status=ISSUED")
                .body();
        assertThat(desk.path("items"))
                .extracting(i -> i.path("invoiceId").asString())
                .contains(invoiceId);
        assertThat(otherDesk
                        .get("/api/v1/branches/" + site.branchId() + "/invoices")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aShiftsCountIsComparedWithTheCashTheLedgerSaysTheCashierTookAndPaidOut() {
        UUID patientId = patientId(newPatient(Api.on(port), site.branchId()));
        Api.Response opened =
                reception.post("/api/v1/branches/" + site.branchId() + "/shifts", Map.of("openingFloat", "200.00"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String shift = opened.json("id").asString();
        Api.Response twice =
                reception.post("/api/v1/branches/" + site.branchId() + "/shifts", Map.of("openingFloat", "0"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json("code").asString()).isEqualTo("shift.already-open");
        String first = issuedDraft(patientId, "80.00"); // 92.00 with VAT
        String second = issuedDraft(patientId, "40.00"); // 46.00
        String third = issuedDraft(patientId, "100.00"); // 115.00, on the card terminal: not in the drawer
        assertThat(reception
                        .post(payments(first), Map.of("method", "CASH", "amount", "92.00"))
                        .status())
                .isEqualTo(201);
        String cash = reception
                .post(payments(second), Map.of("method", "CASH", "amount", "46.00"))
                .json("id")
                .asString();
        assertThat(reception
                        .post(payments(third), Map.of("method", "CARD_TERMINAL", "amount", "115.00"))
                        .status())
                .isEqualTo(201);
        assertThat(reception
                        .post(
                                "/api/v1/invoices/" + second + "/refunds",
                                Map.of("paymentId", cash, "amount", "10.00", "reason", "GOODWILL"))
                        .status())
                .isEqualTo(201);

        Api.Response closed = reception.post("/api/v1/shifts/" + shift + "/close", Map.of("counted", "320.00"));

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json("cashIn").asString()).isEqualTo("138.00");
        assertThat(closed.json("cashOut").asString()).isEqualTo("10.00");
        assertThat(closed.json("expected").asString()).isEqualTo("328.00");
        assertThat(closed.json("difference").asString()).isEqualTo("-8.00");
        Api.Response again = reception.post("/api/v1/shifts/" + shift + "/close", Map.of("counted", "328.00"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json("code").asString()).isEqualTo("shift.closed");
        JsonNode read = manager.get("/api/v1/shifts/" + shift).body();
        assertThat(read.path("counted").asString()).isEqualTo("320.00");
        assertThat(read.path("difference").asString()).isEqualTo("-8.00");
        assertThat(reception
                        .post("/api/v1/branches/" + site.branchId() + "/shifts", Map.of("openingFloat", "150.00"))
                        .status())
                .as("the next shift opens once this one is closed")
                .isEqualTo(201);
    }

    /** A draft with one taxable procedure at {@code price}, issued; its id. */
    private String issuedDraft(UUID patientId, String price) {
        Api.Response opened = reception.post(
                "/api/v1/invoices",
                Map.of(
                        "branchId",
                        site.branchId(),
                        "patientId",
                        patientId,
                        "lines",
                        List.of(line("PROCEDURE", "Minor surgery", price))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String invoiceId = opened.json("id").asString();
        Api.Response issued = reception.post("/api/v1/invoices/" + invoiceId + "/issue", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(204);
        return invoiceId;
    }

    private static Map<String, Object> line(String kind, String description, String price) {
        return Map.of("kind", kind, "description", description, "unitPrice", new BigDecimal(price));
    }

    private static String payments(String invoiceId) {
        return "/api/v1/invoices/" + invoiceId + "/payments";
    }

    private static JsonNode invoice(Api caller, String invoiceId) {
        Api.Response response = caller.get("/api/v1/invoices/" + invoiceId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<JsonNode> entries(JsonNode invoice, String kind) {
        List<JsonNode> found = new ArrayList<>();
        invoice.path("ledger").forEach(entry -> {
            if (entry.path("kind").asString().equals(kind)) {
                found.add(entry);
            }
        });
        return found;
    }

    /** The appointment's invoice once {@code ready} holds for it (billing follows the booking's facts). */
    private static JsonNode awaitInvoice(Api caller, String appointment, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = caller.get("/api/v1/appointments/" + appointment + "/invoice");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            last[0] = response.body();
            assertThat(ready.test(last[0])).as(last[0].toString()).isTrue();
        });
        return last[0];
    }

    private String book(UUID patientId, Instant start) {
        Map<String, Object> slot = Map.of(
                "doctorId",
                doctorId,
                "branchId",
                site.branchId(),
                "appointmentTypeId",
                typeId,
                "start",
                start.toString());
        Api.Response booked = reception
                .header("Prefer", "wait-for=processes")
                .post("/api/v1/appointments", Map.of("patientId", patientId, "slot", slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.json("appointmentId").asString();
    }

    private static UUID patientId(Api patient) {
        return UUID.fromString(patient.get("/api/v1/patients/me").json("id").asString());
    }

    private List<Instant> freeStarts(Api caller) {
        LocalDate from = LocalDate.now(RIYADH);
        Api.Response slots = caller.get("/api/v1/slots?doctorId=" + doctorId + "&branchId=" + site.branchId()
                + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(2) + "&limit=50");
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        List<Instant> starts = new ArrayList<>();
        for (JsonNode slot : slots.body().path("items")) {
            starts.add(Instant.parse(slot.path("startUtc").asString()));
        }
        assertThat(starts).isNotEmpty();
        return starts;
    }
}
