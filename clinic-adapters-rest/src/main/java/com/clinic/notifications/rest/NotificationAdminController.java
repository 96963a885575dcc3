package com.clinic.notifications.rest;

import com.clinic.notifications.application.NotificationHistory;
import com.clinic.notifications.application.NotificationHistory.Counts;
import com.clinic.notifications.application.port.NotificationReadModel.StateCount;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationStatus;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How delivery is going, for a clinic's manager and for administrators: counts, dead letters, redrives. */
@Tag(name = "notifications")
@RestController
@RequestMapping("/api/v1/admin/notifications")
class NotificationAdminController {

    private final NotificationHistory history;

    NotificationAdminController(NotificationHistory history) {
        this.history = history;
    }

    /** How many notifications of a period are in each state, by channel. */
    record CountsResponse(UUID clinicId, Instant from, Instant to, List<CountResponse> counts) {

        /** @param channel null for notifications the recipient's choices left without one */
        record CountResponse(NotificationStatus status, Channel channel, long count) {

            static CountResponse of(StateCount count) {
                return new CountResponse(count.status(), count.channel().orElse(null), count.count());
            }
        }

        static CountsResponse of(Counts counts) {
            return new CountsResponse(
                    counts.clinicId().orElse(null),
                    counts.from(),
                    counts.to(),
                    counts.counts().stream().map(CountResponse::of).toList());
        }
    }

    @Operation(
            operationId = "countNotifications",
            summary = "Notifications by state and channel",
            description =
                    "How many notifications requested in [from, to) (ISO-8601 instants, at most 366 days apart) are in each state, by channel: of one clinic, or of every clinic for administrators and auditors who name none. A manager sees their own clinic.")
    @GetMapping("/counts")
    CountsResponse counts(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam Instant from,
            @RequestParam Instant to) {
        return CountsResponse.of(history.counts(actor, Optional.ofNullable(clinicId), from, to));
    }

    @Operation(
            operationId = "listDeadLetteredNotifications",
            summary = "Notifications no channel took",
            description =
                    "Dead-lettered notifications, the longest waiting first, a page at a time, each with every attempt and the last reason: of one clinic, or of every clinic for administrators who name none. A manager sees their own clinic.")
    @GetMapping("/dead-letters")
    PageResponse<NotificationSummaryResponse> deadLetters(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        PageRequest page = new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank()));
        return PageResponse.of(
                history.deadLetters(actor, Optional.ofNullable(clinicId), page), NotificationSummaryResponse::of);
    }

    @Operation(
            operationId = "redriveNotification",
            summary = "Send a dead-lettered notification again",
            description =
                    "Starts the notification again from its first channel (its attempts count from 1 again; the earlier ones stay in its history) and records who asked. 409 when it is not dead-lettered, or its moment has passed.")
    @PostMapping("/{notificationId}/redrive")
    ResponseEntity<Void> redrive(@AuthenticationPrincipal Actor actor, @PathVariable UUID notificationId) {
        history.redrive(actor, notificationId);
        return ResponseEntity.accepted().build();
    }
}
