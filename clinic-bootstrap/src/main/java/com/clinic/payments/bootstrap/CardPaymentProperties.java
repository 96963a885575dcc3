package com.clinic.payments.bootstrap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Card payments online through Stripe. Without a secret key card payments are reported unavailable
 * (API, health) and nothing is charged; without the webhook secret every Stripe event is refused and
 * only reconciliation learns how payments went. The server starts all the same.
 *
 * @param enabled false switches card payments off: reported unavailable
 * @param secretKey Stripe's secret API key, sk_live_… or sk_test_… (none: card payments are unavailable)
 * @param webhookSecret the signing secret of the webhook endpoint, whsec_… (none: every event is refused)
 * @param webhookTolerance how far an event's signed timestamp may be from now; older ones are refused
 * @param baseUrl an http(s) address the API is reached at instead of Stripe's (a local fake, a proxy); empty:
 *     Stripe's
 * @param maxNetworkRetries how often the SDK retries a failed connection or a 5xx, with the same idempotency key
 * @param connectTimeout how long connecting to Stripe may take
 * @param readTimeout how long Stripe may take to answer
 * @param reconcileAfter a payment still unfinished this long after it started is asked about at Stripe
 * @param reconcileEvery how often unfinished payments are looked for
 */
@Validated
@ConfigurationProperties("clinic.payments.card")
record CardPaymentProperties(
        @DefaultValue("true") boolean enabled,
        String secretKey,
        String webhookSecret,
        @DefaultValue("5m") Duration webhookTolerance,
        String baseUrl,
        @DefaultValue("2") @Min(0) @Max(5) int maxNetworkRetries,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("15m") Duration reconcileAfter,
        @DefaultValue("5m") Duration reconcileEvery) {

    /** Without the secrets: bound settings end up in logs and failure analyses. */
    @Override
    public String toString() {
        return "CardPaymentProperties[enabled=" + enabled + ", secretKey="
                + (secretKey == null || secretKey.isBlank() ? "(none)" : "(set)") + ", webhookSecret="
                + (webhookSecret == null || webhookSecret.isBlank() ? "(none)" : "(set)") + ", baseUrl=" + baseUrl
                + "]";
    }
}
