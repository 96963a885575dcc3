package com.clinic.notifications.rest;

import com.clinic.notifications.application.ChannelAvailability;
import com.clinic.notifications.application.port.ChannelStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which channels can send: what an app shows in its notification settings. */
@Tag(name = "notifications")
@RestController
class ChannelController {

    private final ChannelAvailability channels;

    ChannelController(ChannelAvailability channels) {
        this.channels = channels;
    }

    record ChannelResponse(String channel, String provider, boolean available, String reason) {}

    @Operation(
            operationId = "listNotificationChannels",
            summary = "Notification channels",
            description =
                    "Each channel (in_app, push, email, sms) with its provider and whether it can send now; a provider switched off or missing its key is listed as unavailable with the reason.")
    @GetMapping("/api/v1/notifications/channels")
    List<ChannelResponse> list() {
        return channels.all().stream().map(ChannelController::response).toList();
    }

    private static ChannelResponse response(ChannelStatus status) {
        return new ChannelResponse(
                status.channel().name().toLowerCase(Locale.ROOT),
                status.provider(),
                status.available(),
                status.reason());
    }
}
