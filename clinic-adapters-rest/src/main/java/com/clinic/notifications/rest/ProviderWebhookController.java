package com.clinic.notifications.rest;

import com.clinic.notifications.application.ProviderReports;
import com.clinic.notifications.application.port.ProviderWebhooks;
import com.clinic.platform.rest.ProblemResponse;
import com.clinic.platform.rest.ProblemWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers report on messages: unauthenticated (they hold no token of ours) and trusted only
 * through their signatures, checked before anything is read. A request that fails the check gets
 * 400 and records nothing; a provider that gets 2xx does not send the report again.
 */
@Tag(name = "notifications")
@SecurityRequirements
@RestController
@RequestMapping("/api/v1/webhooks")
class ProviderWebhookController {

    static final String SIGNATURE_INVALID = "notification.webhook-signature-invalid";

    private final ProviderReports reports;
    private final ProblemWriter problems;

    ProviderWebhookController(ProviderReports reports, ProblemWriter problems) {
        this.reports = reports;
        this.problems = problems;
    }

    @Operation(
            operationId = "receiveEmailEvents",
            summary = "SendGrid event webhook",
            description =
                    "SendGrid's signed event webhook (delivered, bounce, dropped, spam report, unsubscribe). The ECDSA signature over the timestamp and the raw body is verified first; 400 when it does not verify or is too old.")
    @ProblemResponse(status = 400, codes = SIGNATURE_INVALID)
    @PostMapping(path = "/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> emailEvents(
            @RequestBody byte[] body,
            @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Signature", defaultValue = "") String signature,
            @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Timestamp", defaultValue = "") String timestamp) {
        reports.emailEvents(body, signature, timestamp);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "receiveSmsStatus",
            summary = "SMS delivery-status callback",
            description =
                    "The SMS provider's signed delivery-status callback (queued, sent, delivered, undelivered, failed). The X-Twilio-Signature over the full URL and the form parameters is verified first; 400 when it does not verify.")
    @ProblemResponse(status = 400, codes = SIGNATURE_INVALID)
    @PostMapping(path = "/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> smsStatus(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", defaultValue = "") String signature) {
        return smsCallback(request, signature);
    }

    @Operation(
            operationId = "receiveSmsReply",
            summary = "Inbound SMS (STOP, START)",
            description =
                    "Messages patients send to the clinic's number: STOP (and its synonyms) opts the number out of SMS, START opts it back in. The X-Twilio-Signature over the full URL and the form parameters is verified first; 400 when it does not verify.")
    @ProblemResponse(status = 400, codes = SIGNATURE_INVALID)
    @PostMapping(path = "/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> smsInbound(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", defaultValue = "") String signature) {
        return smsCallback(request, signature);
    }

    private ResponseEntity<Void> smsCallback(HttpServletRequest request, String signature) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            // The query string of the callback URL is part of the signed URL, not of the signed form.
            if (request.getQueryString() == null || !request.getQueryString().contains(name + "=")) {
                parameters.put(name, values.length == 0 ? "" : values[0]);
            }
        });
        StringBuilder url = new StringBuilder(request.getRequestURL());
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        reports.smsCallback(url.toString(), parameters, signature);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ProviderWebhooks.BadSignature.class)
    ResponseEntity<ProblemDetail> badSignature(ProviderWebhooks.BadSignature refused, HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.BAD_REQUEST, SIGNATURE_INVALID));
    }
}
