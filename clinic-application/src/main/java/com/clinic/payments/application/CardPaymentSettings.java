package com.clinic.payments.application;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Card payments through Stripe: without a secret key the capability is unavailable; without the
 * webhook secret every notification is refused (and reconciliation asks Stripe instead).
 */
public record CardPaymentSettings(
        boolean enabled,
        Optional<String> secretKey,
        Optional<String> webhookSecret,
        Duration webhookTolerance,
        Optional<URI> baseUrl,
        int maxNetworkRetries,
        Duration connectTimeout,
        Duration readTimeout) {

    public CardPaymentSettings {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    @Override
    public String toString() {
        return "CardPaymentSettings[enabled=" + enabled + ", secretKey=" + (secretKey.isPresent() ? "(set)" : "(none)")
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + "]";
    }
}
