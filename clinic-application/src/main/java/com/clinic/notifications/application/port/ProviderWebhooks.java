package com.clinic.notifications.application.port;

import java.util.List;
import java.util.Map;

/**
 * Port: the providers' signed reports. Each method checks the signature with the provider's own
 * algorithm before it reads anything, and throws {@link BadSignature} when it does not verify (or
 * when the channel has no verification key configured): nothing of a refused request is recorded.
 */
public interface ProviderWebhooks {

    final class BadSignature extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadSignature(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * SendGrid's signed event webhook: the raw body as received, and its
     * {@code X-Twilio-Email-Event-Webhook-Signature} and {@code …-Timestamp} headers.
     */
    List<DeliveryReport> emailEvents(byte[] body, String signature, String timestamp);

    /**
     * An SMS provider's status callback or inbound message (STOP / START): the full URL it called,
     * its form parameters and its signature header.
     */
    List<DeliveryReport> smsCallback(String url, Map<String, String> parameters, String signature);
}
