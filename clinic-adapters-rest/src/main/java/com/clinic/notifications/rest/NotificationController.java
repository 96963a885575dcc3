package com.clinic.notifications.rest;

import com.clinic.notifications.application.NotificationInbox;
import com.clinic.notifications.rest.InboxRendering.NotificationResponse;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's own in-app notifications (see {@link InboxRendering} for the language they read in),
 * and a live stream of them.
 */
@Tag(name = "notifications")
@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationController {

    private final NotificationInbox inbox;
    private final InboxRendering rendering;
    private final InboxStreams streams;

    NotificationController(NotificationInbox inbox, InboxRendering rendering, InboxStreams streams) {
        this.inbox = inbox;
        this.rendering = rendering;
        this.streams = streams;
    }

    /** How many of the caller's notifications are unread. */
    record UnreadCountResponse(long unread) {}

    @Operation(
            operationId = "listNotifications",
            summary = "My notifications",
            description =
                    "The caller's in-app notifications, newest first, a page at a time, as they were rendered in the caller's language when they arrived (older ones in the language the user chose, or else the one Accept-Language asks for).")
    @GetMapping
    ResponseEntity<PageResponse<NotificationResponse>> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        NotificationInbox.Inbox found = inbox.list(
                actor, unread, new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank())));
        Locale locale = rendering.locale(found.preferredLanguage(), request);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(PageResponse.of(found.page(), notice -> rendering.render(notice, locale)));
    }

    @Operation(
            operationId = "countUnreadNotifications",
            summary = "How many of my notifications are unread",
            description = "The number of the caller's in-app notifications not marked read yet: the badge on the bell.")
    @GetMapping("/unread-count")
    UnreadCountResponse unreadCount(@AuthenticationPrincipal Actor actor) {
        return new UnreadCountResponse(inbox.unreadCount(actor));
    }

    @Operation(
            operationId = "streamNotifications",
            summary = "Stream my notifications",
            description =
                    "Server-Sent Events: an inbox event (the unread count and the newest notification) at once, then again whenever a notification arrives or one is marked read, on whichever instance that happened; comments keep an idle stream open. Reconnect when it ends.")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        Locale locale = rendering.locale(inbox.preferredLanguage(actor), request);
        return streams.open(actor, locale);
    }

    @Operation(
            operationId = "markNotificationRead",
            summary = "Mark a notification as read",
            description =
                    "Marks one of the caller's notifications as read (the first time counts) and records the read in the notification's history; 404 for anyone else's.")
    @PostMapping("/{notificationId}/read")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal Actor actor, @PathVariable UUID notificationId) {
        inbox.markRead(actor, notificationId);
        return ResponseEntity.noContent().build();
    }
}
