package com.clinic.payments.application.port;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: card payments through a provider (Stripe's PaymentIntents). Every call that creates
 * something carries an idempotency key derived from the command, so a retry (the SDK's own after a
 * 5xx, or ours) never charges twice. Without the provider's key the capability is unavailable and
 * every call answers {@link Unavailable}; the server runs all the same.
 */
public interface CardPayments {

    /** Whether card payments can be taken, and why not. */
    record Availability(boolean available, String provider, Optional<String> reason) {}

    /** A payment intent as the provider holds it; {@code clientSecret} lets the patient's app confirm it. */
    record Intent(
            String intentId,
            CardPaymentStatus status,
            Money amount,
            Optional<String> clientSecret,
            Optional<String> failure) {
        @Override
        public String toString() {
            return "Intent[" + intentId + ", " + status + ", " + amount + "]";
        }
    }

    /**
     * A verified notification from the provider about one intent: its event id (the same on every
     * redelivery), the state it reports and when the provider says it happened.
     */
    record Notification(
            String eventId,
            String type,
            String intentId,
            CardPaymentStatus status,
            Instant occurredAt,
            Map<String, String> metadata) {
        public Notification {
            Objects.requireNonNull(eventId, "eventId");
            metadata = Map.copyOf(metadata);
        }
    }

    /** The provider refused the request itself (a declined card, an invalid request). */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        public Refused(String code) {
            super(code, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The provider could not be reached or answered 429/5xx after the SDK's retries: try again later, same key. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A notification whose signature does not verify, or too old: nothing in it is believed. */
    final class Unverified extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unverified(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A refund at the provider: its id and whether the provider took it (pending or succeeded). */
    record ProviderRefund(String refundId, Money amount, String status) {
        public boolean taken() {
            return status.equals("succeeded") || status.equals("pending") || status.equals("requires_action");
        }
    }

    Availability availability();

    /**
     * Gives {@code amount} of the intent's payment back, once for this key (a retry after a lost
     * answer finds the same refund at the provider).
     */
    ProviderRefund refund(String idempotencyKey, String intentId, Money amount);

    /** Creates (or, for a key seen before, finds) the intent for this amount. */
    Intent createIntent(String idempotencyKey, Money amount, String description, Map<String, String> metadata);

    Intent retrieve(String intentId);

    /** Verifies a webhook body against its signature header and reads the intent it is about. */
    Optional<Notification> verify(String payload, String signatureHeader);
}
