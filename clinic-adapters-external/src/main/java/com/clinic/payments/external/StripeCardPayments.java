package com.clinic.payments.external;

import com.clinic.payments.application.CardPaymentSettings;
import com.clinic.payments.application.port.CardPayments;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentStatus;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card payments with Stripe's Java SDK: PaymentIntents and refunds created with the command's idempotency key
 * (the SDK retries a 5xx or a lost connection with the same key, {@code max-network-retries} times),
 * read back for reconciliation, and webhooks verified with the SDK's own signature check
 * ({@code Stripe-Signature}, timestamp tolerance). A base URL points the SDK at a local fake.
 */
public final class StripeCardPayments implements CardPayments {

    public static final String PROVIDER = "stripe";

    private static final Logger log = LoggerFactory.getLogger(StripeCardPayments.class);

    private final CardPaymentSettings settings;
    private final Availability availability;
    private final StripeClient stripe;

    public StripeCardPayments(CardPaymentSettings settings) {
        this.settings = settings;
        if (!settings.enabled()) {
            availability = new Availability(false, PROVIDER, Optional.of("disabled by configuration"));
        } else if (settings.secretKey().isEmpty()) {
            availability = new Availability(false, PROVIDER, Optional.of("no secret key"));
        } else {
            availability = new Availability(true, PROVIDER, Optional.empty());
        }
        if (!availability.available()) {
            log.info("Card payments are unavailable: {}", availability.reason().orElseThrow());
            stripe = null;
            return;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(settings.secretKey().get())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        settings.baseUrl().ifPresent(base -> builder.setApiBase(base.toString().replaceAll("/+$", "")));
        stripe = builder.build();
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Intent createIntent(String idempotencyKey, Money amount, String description, Map<String, String> metadata) {
        requireAvailable();
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amount.minor())
                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                .setDescription(description)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build());
        metadata.forEach(params::putMetadata);
        try {
            PaymentIntent intent = stripe.v1()
                    .paymentIntents()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(idempotencyKey)
                                    .build());
            return intent(intent);
        } catch (StripeException failed) {
            throw translated(failed);
        }
    }

    @Override
    public ProviderRefund refund(String idempotencyKey, String intentId, Money amount) {
        requireAvailable();
        try {
            Refund refund = stripe.v1()
                    .refunds()
                    .create(
                            RefundCreateParams.builder()
                                    .setPaymentIntent(intentId)
                                    .setAmount(amount.minor())
                                    .build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(idempotencyKey)
                                    .build());
            return new ProviderRefund(
                    refund.getId(), new Money(refund.getAmount(), amount.currency()), refund.getStatus());
        } catch (StripeException failed) {
            throw translated(failed);
        }
    }

    @Override
    public Intent retrieve(String intentId) {
        requireAvailable();
        try {
            return intent(stripe.v1().paymentIntents().retrieve(intentId));
        } catch (StripeException failed) {
            throw translated(failed);
        }
    }

    @Override
    public Optional<Notification> verify(String payload, String signatureHeader) {
        if (settings.webhookSecret().isEmpty()) {
            throw new Unverified("no webhook secret configured");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new Unverified("no Stripe-Signature");
        }
        Event event;
        try {
            event = Webhook.constructEvent(
                    payload,
                    signatureHeader,
                    settings.webhookSecret().get(),
                    settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException invalid) {
            throw new Unverified("signature does not verify");
        } catch (RuntimeException unreadable) {
            throw new Unverified("unreadable event");
        }
        if (event.getType() == null || !event.getType().startsWith("payment_intent.")) {
            return Optional.empty();
        }
        StripeObject object = event.getDataObjectDeserializer().getObject().orElse(null);
        if (object == null) {
            // An event of another API version than the SDK's: read it as it is.
            try {
                object = event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException unreadable) {
                throw new Unverified("unreadable payment intent");
            }
        }
        if (!(object instanceof PaymentIntent intent)) {
            return Optional.empty();
        }
        return Optional.of(new Notification(
                event.getId(),
                event.getType(),
                intent.getId(),
                status(intent.getStatus()),
                Instant.ofEpochSecond(event.getCreated()),
                intent.getMetadata() == null ? Map.of() : intent.getMetadata()));
    }

    private void requireAvailable() {
        if (!availability.available()) {
            throw new Unavailable(availability.reason().orElseThrow());
        }
    }

    private static Intent intent(PaymentIntent intent) {
        return new Intent(
                intent.getId(),
                status(intent.getStatus()),
                new Money(intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(intent.getClientSecret()),
                Optional.ofNullable(intent.getLastPaymentError())
                        .map(error ->
                                Optional.ofNullable(error.getDeclineCode()).orElse(error.getCode())));
    }

    static CardPaymentStatus status(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "requires_payment_method" -> CardPaymentStatus.REQUIRES_PAYMENT_METHOD;
            case "requires_confirmation" -> CardPaymentStatus.REQUIRES_CONFIRMATION;
            case "requires_action" -> CardPaymentStatus.REQUIRES_ACTION;
            case "processing", "requires_capture" -> CardPaymentStatus.PROCESSING;
            case "succeeded" -> CardPaymentStatus.SUCCEEDED;
            case "canceled" -> CardPaymentStatus.CANCELED;
            default -> throw new Unavailable("unknown payment intent status " + stripeStatus);
        };
    }

    private static RuntimeException keyRefused(StripeException failed) {
        log.error("Stripe refused the configured secret key ({})", failed.getStatusCode());
        return new Unavailable("the secret key is not accepted");
    }

    /** A refusal of the request itself, or the provider not there: never the SDK's message to a client. */
    private static RuntimeException translated(StripeException failed) {
        return switch (failed) {
            case CardException declined ->
                new Refused(Optional.ofNullable(declined.getDeclineCode())
                        .orElse(Optional.ofNullable(declined.getCode()).orElse("card_declined")));
            case IdempotencyException reused -> new Refused("idempotency_key_in_use");
            case InvalidRequestException invalid ->
                new Refused(Optional.ofNullable(invalid.getCode()).orElse("invalid_request"));
            case RateLimitException limited -> new Unavailable("rate limited (429)");
            case AuthenticationException refusedKey -> keyRefused(failed); // PermissionException too
            case ApiConnectionException unreachable -> new Unavailable("not reachable");
            case ApiException server -> new Unavailable("provider error (" + server.getStatusCode() + ")");
            default -> new Unavailable("failed: " + failed.getClass().getSimpleName());
        };
    }
}
