package com.clinic.notifications.application;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * E-mail through SendGrid ({@code clinic.notifications.email.*}). Without an API key or a sender
 * address the channel is reported unavailable; without the webhook's public key every event report
 * is refused. The server starts all the same.
 *
 * @param enabled false switches the channel off: reported unavailable, nothing is sent
 * @param apiKey SendGrid's API key (Mail Send permission)
 * @param fromAddress the sender address, verified in SendGrid
 * @param fromName the sender's display name
 * @param categories SendGrid categories on every message, for its statistics
 * @param webhookPublicKey the Signed Event Webhook's verification key (base64, as SendGrid shows it)
 * @param webhookTolerance how far a signed event report's timestamp may be from now
 * @param baseUrl where the API is reached instead of SendGrid's host (a local fake)
 * @param ratePerSecond messages per second all instances together may hand to SendGrid
 * @param connectTimeout how long connecting to SendGrid may take
 * @param readTimeout how long SendGrid may take to answer
 */
public record EmailSettings(
        boolean enabled,
        Optional<String> apiKey,
        Optional<String> fromAddress,
        String fromName,
        List<String> categories,
        Optional<String> webhookPublicKey,
        Duration webhookTolerance,
        Optional<URI> baseUrl,
        int ratePerSecond,
        Duration connectTimeout,
        Duration readTimeout) {

    public EmailSettings {
        apiKey = ProviderEndpoint.nonBlank(Objects.requireNonNull(apiKey, "apiKey"));
        fromAddress = ProviderEndpoint.nonBlank(Objects.requireNonNull(fromAddress, "fromAddress"));
        fromName = Objects.requireNonNullElse(fromName, "").strip();
        categories = Objects.requireNonNull(categories, "categories").stream()
                .map(String::strip)
                .filter(category -> !category.isEmpty())
                .toList();
        webhookPublicKey = ProviderEndpoint.nonBlank(Objects.requireNonNull(webhookPublicKey, "webhookPublicKey"));
        ProviderEndpoint.checkPositive(webhookTolerance, "clinic.notifications.email.webhook-tolerance");
        baseUrl = ProviderEndpoint.checkedBaseUrl(
                Objects.requireNonNull(baseUrl, "baseUrl"), "clinic.notifications.email.base-url");
        ProviderEndpoint.checkRate(ratePerSecond, "clinic.notifications.email.rate-per-second");
        ProviderEndpoint.checkPositive(connectTimeout, "clinic.notifications.email.connect-timeout");
        ProviderEndpoint.checkPositive(readTimeout, "clinic.notifications.email.read-timeout");
        // SendGrid refuses a message with more than ten categories: a start-up error, not a rejected send.
        if (categories.size() > 10) {
            throw new IllegalArgumentException("clinic.notifications.email.categories: at most 10");
        }
    }

    /** Without the API key: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "EmailSettings[enabled=" + enabled + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
                + ", fromAddress=" + fromAddress.orElse("(none)") + ", baseUrl="
                + baseUrl.map(URI::toString).orElse("SendGrid")
                + ", ratePerSecond=" + ratePerSecond + "]";
    }
}
