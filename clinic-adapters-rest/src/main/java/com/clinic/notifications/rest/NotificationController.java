package com.clinic.notifications.rest;

import com.clinic.notifications.application.NotificationInbox;
import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.PageResponse;
import com.clinic.platform.rest.WebConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The caller's own in-app notifications. Each is rendered from the message bundle key
 * {@code notification.<template>} with its named {@code {parameters}}, in the language the user
 * chose, or else the one their request asks for (Accept-Language).
 */
@Tag(name = "notifications")
@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationController {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, WebConfiguration.ARABIC);

    private final NotificationInbox inbox;
    private final MessageSource messages;
    private final LocaleResolver locales;

    NotificationController(NotificationInbox inbox, MessageSource messages, LocaleResolver locales) {
        this.inbox = inbox;
        this.messages = messages;
        this.locales = locales;
    }

    record NotificationResponse(
            UUID id,
            String template,
            String message,
            Map<String, String> parameters,
            Instant createdAt,
            Instant readAt) {}

    @Operation(
            operationId = "listNotifications",
            summary = "My notifications",
            description =
                    "The caller's in-app notifications, newest first, a page at a time, rendered in the language the user chose, or else the one Accept-Language asks for.")
    @GetMapping
    ResponseEntity<PageResponse<NotificationResponse>> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        NotificationInbox.Inbox found = inbox.list(
                actor, unread, new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank())));
        Locale locale = found.preferredLanguage()
                .map(Locale::forLanguageTag)
                .filter(preferred ->
                        SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(preferred.getLanguage())))
                .orElseGet(() -> locales.resolveLocale(request));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(PageResponse.of(found.page(), notice -> render(notice, locale)));
    }

    @Operation(
            operationId = "markNotificationRead",
            summary = "Mark a notification as read",
            description = "Marks one of the caller's notifications as read; 404 for anyone else's.")
    @PostMapping("/{notificationId}/read")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal Actor actor, @PathVariable UUID notificationId) {
        inbox.markRead(actor, notificationId);
        return ResponseEntity.noContent().build();
    }

    private NotificationResponse render(InAppNotificationView notice, Locale locale) {
        String key = "notification." + notice.template();
        // Without arguments the bundle text comes back as written, so named placeholders survive.
        String pattern = messages.getMessage(key, null, key, locale);
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder message = new StringBuilder();
        while (matcher.find()) {
            String value = notice.parameters().getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(message, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(message);
        return new NotificationResponse(
                notice.id(),
                notice.template(),
                message.toString(),
                notice.parameters(),
                notice.createdAt(),
                notice.readAt().orElse(null));
    }
}
