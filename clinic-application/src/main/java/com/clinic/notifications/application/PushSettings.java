package com.clinic.notifications.application;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Push messages through Firebase Cloud Messaging ({@code clinic.notifications.push.*}). Without
 * credentials the channel is reported unavailable; the server starts all the same.
 *
 * @param enabled false switches the channel off: reported unavailable, nothing is sent
 * @param credentialsFile the service account's JSON key file
 * @param projectId the Firebase project, when it is not the service account's own
 * @param baseUrl where FCM and Google's token endpoint are reached instead of Google's hosts (a local fake)
 * @param ratePerSecond messages per second all instances together may hand to FCM
 * @param connectTimeout how long connecting to FCM may take
 * @param readTimeout how long FCM may take to answer
 */
public record PushSettings(
        boolean enabled,
        Optional<Path> credentialsFile,
        Optional<String> projectId,
        Optional<URI> baseUrl,
        int ratePerSecond,
        Duration connectTimeout,
        Duration readTimeout) {

    public PushSettings {
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        projectId = ProviderEndpoint.nonBlank(Objects.requireNonNull(projectId, "projectId"));
        baseUrl = ProviderEndpoint.checkedBaseUrl(
                Objects.requireNonNull(baseUrl, "baseUrl"), "clinic.notifications.push.base-url");
        ProviderEndpoint.checkRate(ratePerSecond, "clinic.notifications.push.rate-per-second");
        ProviderEndpoint.checkPositive(connectTimeout, "clinic.notifications.push.connect-timeout");
        ProviderEndpoint.checkPositive(readTimeout, "clinic.notifications.push.read-timeout");
    }
}
