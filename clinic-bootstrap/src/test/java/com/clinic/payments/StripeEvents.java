package com.clinic.payments;

import com.clinic.payments.application.CardCheckout;
import com.clinic.support.ProviderFakes;
import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe's events about payment intents, signed as Stripe signs them (HMAC-SHA256 over "t.body"). */
final class StripeEvents {

    private StripeEvents() {}

    static String event(
            String eventId, String status, String intentId, long amountMinor, String paymentId, long created) {
        String type =
                switch (status) {
                    case "succeeded" -> "payment_intent.succeeded";
                    case "processing" -> "payment_intent.processing";
                    case "requires_payment_method" -> "payment_intent.payment_failed";
                    case "requires_action" -> "payment_intent.requires_action";
                    default -> "payment_intent." + status;
                };
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "type": "%s",
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "sar",
                  "status": "%s", "metadata": {"%s": "%s"}}}}"""
                .formatted(
                        eventId,
                        Stripe.API_VERSION,
                        created,
                        type,
                        intentId,
                        amountMinor,
                        status,
                        CardCheckout.PAYMENT_METADATA,
                        paymentId);
    }

    static String signature(String payload, long timestamp) {
        return signature(ProviderFakes.STRIPE_WEBHOOK_SECRET, payload, timestamp);
    }

    static String signature(String secret, String payload, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1="
                    + HexFormat.of()
                            .formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
