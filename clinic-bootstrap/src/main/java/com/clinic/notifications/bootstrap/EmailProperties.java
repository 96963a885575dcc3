package com.clinic.notifications.bootstrap;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail through SendGrid. Without an API key or a sender address the channel is reported unavailable
 * (health, API) and nothing is sent; without the webhook's public key every event report is refused.
 * The server starts all the same.
 *
 * @param enabled false switches e-mail off: reported unavailable, nothing is sent
 * @param apiKey SendGrid's API key, with the Mail Send permission (none: e-mail is unavailable)
 * @param fromAddress the sender address, a verified sender of the SendGrid account (none: e-mail is unavailable)
 * @param fromName the sender's display name
 * @param categories SendGrid categories on every message, for its statistics (at most 10)
 * @param webhookPublicKey the Signed Event Webhook's verification key, base64 as SendGrid shows it (none: every
 *     event report is refused)
 * @param webhookTolerance how far a signed event report's timestamp may be from now; older ones are refused
 * @param baseUrl an http(s) host that the API is reached at instead of SendGrid's (a local fake, a proxy); empty:
 *     SendGrid's
 * @param ratePerSecond messages per second all instances together may hand to SendGrid (a token bucket in
 *     PostgreSQL)
 * @param connectTimeout how long connecting to SendGrid may take
 * @param readTimeout how long SendGrid may take to answer one message
 */
@Validated
@ConfigurationProperties("clinic.notifications.email")
record EmailProperties(
        @DefaultValue("true") boolean enabled,
        String apiKey,
        @Email String fromAddress,
        String fromName,
        @DefaultValue("notification") List<String> categories,
        String webhookPublicKey,
        @DefaultValue("5m") Duration webhookTolerance,
        String baseUrl,
        @DefaultValue("50") @Positive int ratePerSecond,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    /** Without the API key: bound settings end up in logs and failure analyses. */
    @Override
    public String toString() {
        return "EmailProperties[enabled=" + enabled + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "(none)" : "(set)") + ", fromAddress=" + fromAddress
                + ", baseUrl=" + baseUrl + ", ratePerSecond=" + ratePerSecond + "]";
    }
}
