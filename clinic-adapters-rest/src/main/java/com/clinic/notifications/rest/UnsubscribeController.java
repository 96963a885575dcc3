package com.clinic.notifications.rest;

import com.clinic.notifications.application.UnsubscribeLinks;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.rest.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link in every e-mail's List-Unsubscribe header: mail clients POST to it (RFC 8058 one-click);
 * a person who opens it in a browser gets a page whose button posts the same. Opening it changes
 * nothing, so link scanners that follow every URL in a mail unsubscribe no one. Public: the link is
 * its own proof.
 */
@Tag(name = "notifications")
@SecurityRequirements
@Validated
@RestController
@RequestMapping("/api/v1/unsubscribe/{token}")
class UnsubscribeController {

    static final String LINK_INVALID = "notification.unsubscribe-link-invalid";

    private static final String PAGE =
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Unsubscribe</title></head>
            <body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;line-height:1.5">
            <form method="post">
            <p>Stop e-mails from the clinic to this address? Account messages (invitations, password resets) still come.</p>
            <p dir="rtl" lang="ar">إيقاف رسائل العيادة إلى هذا البريد؟ تبقى رسائل الحساب (الدعوات وإعادة تعيين كلمة المرور).</p>
            <button type="submit">Unsubscribe · إلغاء الاشتراك</button>
            </form></body></html>
            """;

    private final UnsubscribeLinks links;

    UnsubscribeController(UnsubscribeLinks links) {
        this.links = links;
    }

    @Operation(
            operationId = "unsubscribeEmail",
            summary = "Unsubscribe an e-mail address (one-click)",
            description =
                    "What a mail client posts for List-Unsubscribe=One-Click (RFC 8058), or the page's button: the address of the link gets no more e-mail from the clinic, as if it had unsubscribed at the provider; account messages do not carry the link. 422 when the link was not made by this server.")
    @ProblemResponse(status = 422, codes = LINK_INVALID)
    @PostMapping
    ResponseEntity<Void> unsubscribe(@PathVariable @Size(max = 200) String token) {
        if (!links.unsubscribe(token)) {
            throw new Rejection.RuleViolated(LINK_INVALID);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "showUnsubscribePage",
            summary = "The unsubscribe page",
            description = "A page with one button that posts to the same link. Opening it changes nothing.")
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable @Size(max = 200) String token) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.TEXT_HTML)
                .body(PAGE);
    }
}
