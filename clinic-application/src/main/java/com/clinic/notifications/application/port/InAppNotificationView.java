package com.clinic.notifications.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One stored notice: its text as rendered when it was stored, or (for notices stored before the
 * dispatcher rendered them) a template key and its parameters, rendered only when it is read.
 */
public record InAppNotificationView(
        UUID id,
        String template,
        Map<String, String> parameters,
        Optional<RenderedText> rendered,
        Instant createdAt,
        Optional<Instant> readAt) {

    public InAppNotificationView {
        parameters = Map.copyOf(parameters);
    }
}
