package com.clinic.payments.rest;

import com.clinic.payments.application.CardCheckout;
import com.clinic.payments.application.port.CardPayments;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ProblemResponse;
import com.clinic.platform.rest.ProblemWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paying an invoice by card online: the patient's app asks for a payment, gets the provider's client
 * secret and confirms it with the provider (Stripe.js, the mobile SDKs); the provider tells this
 * server how it went through its signed webhook.
 */
@Tag(name = "payments-invoices")
@RestController
class CardPaymentController {

    static final String SIGNATURE_INVALID = "payment.webhook-signature-invalid";

    private final CardCheckout checkout;
    private final ProblemWriter problems;

    CardPaymentController(CardCheckout checkout, ProblemWriter problems) {
        this.checkout = checkout;
        this.problems = problems;
    }

    /**
     * @param clientSecret for the patient's app to confirm the payment with the provider; never
     *     logged or stored here
     */
    record Started(UUID paymentId, String amount, String currency, String status, String clientSecret) {}

    /** Whether card payments can be taken now, and why not. */
    record Availability(boolean available, String provider, String reason) {}

    @Operation(
            operationId = "payInvoiceByCard",
            summary = "Pay an invoice by card",
            description =
                    "Starts (or, asked again for the invoice as it stands, resumes) a card payment of what is outstanding: the answer carries the provider's client secret, which the patient's app confirms with the provider. The invoice shows the payment once the provider reports it succeeded. The patient, the desk of the branch, the clinic's managers, administrators. 503 when card payments are not configured or the provider does not answer; nothing is charged then.")
    @ProblemResponse(
            status = 503,
            codes = {CardCheckout.Unavailable.NOT_CONFIGURED, CardCheckout.Unavailable.PROVIDER_DOWN})
    @PostMapping("/api/v1/invoices/{invoiceId}/card-payments")
    ResponseEntity<Started> pay(@AuthenticationPrincipal Actor actor, @PathVariable UUID invoiceId) {
        CardCheckout.Started started = checkout.start(actor, invoiceId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Started(
                        started.paymentId(),
                        started.amount().toMajor().toPlainString(),
                        started.amount().currency(),
                        started.status().name(),
                        started.clientSecret().orElse(null)));
    }

    @Operation(
            operationId = "cardPaymentsAvailability",
            summary = "Can cards be taken?",
            description = "Whether card payments online are configured here, and why not.")
    @GetMapping("/api/v1/payments/card-availability")
    Availability availability() {
        CardPayments.Availability availability = checkout.availability();
        return new Availability(
                availability.available(),
                availability.provider(),
                availability.reason().orElse(null));
    }

    @Operation(
            operationId = "receiveStripeEvents",
            summary = "Stripe webhook",
            description =
                    "Stripe's signed events about payment intents. The Stripe-Signature (HMAC over the timestamp and the raw body, within the tolerance) is verified first; 400 when it does not verify or is too old, and nothing is recorded. Each event counts once: a redelivered one is answered 204 and changes nothing; a late one never undoes a later state.")
    @SecurityRequirements
    @ProblemResponse(status = 400, codes = SIGNATURE_INVALID)
    @PostMapping(path = "/api/v1/webhooks/payments/stripe", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> stripeEvents(
            @RequestBody byte[] body, @RequestHeader(name = "Stripe-Signature", defaultValue = "") String signature) {
        checkout.notified(new String(body, StandardCharsets.UTF_8), signature);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CardPayments.Unverified.class)
    ResponseEntity<ProblemDetail> unverified(CardPayments.Unverified refused, HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.BAD_REQUEST, SIGNATURE_INVALID));
    }

    @ExceptionHandler(CardCheckout.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(CardCheckout.Unavailable unavailable, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, unavailable.code()));
    }
}
