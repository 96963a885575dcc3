package com.clinic.notifications.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One stored notice: a template key and its parameters, rendered only when it is read. */
public record InAppNotificationView(
        UUID id, String template, Map<String, String> parameters, Instant createdAt, Optional<Instant> readAt) {}
