package com.clinic.payments.application;

import com.clinic.payments.application.port.CardPaymentReadModel;
import com.clinic.payments.application.port.CardPayments;
import com.clinic.payments.application.port.InvoiceReadModel;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentCommand.AttachIntent;
import com.clinic.payments.domain.card.CardPaymentCommand.ReportStatus;
import com.clinic.payments.domain.card.CardPaymentCommand.RequestCardPayment;
import com.clinic.payments.domain.card.CardPaymentStatus;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Paying an invoice by card online: a card payment for what is outstanding is recorded, then asked
 * of the provider with the payment's id as idempotency key (a retried request finds the same intent,
 * it never creates a second), and the intent's client secret goes back to the patient's app, which
 * confirms it with the provider. What the provider reports (signed webhooks; reconciliation when they
 * stay away) moves the payment; a succeeded one is posted to the invoice by {@link
 * CardPaymentPosting}.
 */
@Service
public class CardCheckout {

    private static final Logger log = LoggerFactory.getLogger(CardCheckout.class);

    /** Metadata on the intent that brings its webhooks back to the payment. */
    public static final String PAYMENT_METADATA = "clinic_payment_id";

    public static final String INVOICE_METADATA = "clinic_invoice_id";

    /** What the patient's app needs to confirm the payment with the provider. */
    public record Started(UUID paymentId, Money amount, CardPaymentStatus status, Optional<String> clientSecret) {
        @Override
        public String toString() {
            return "Started[" + paymentId + ", " + amount + ", " + status + "]";
        }
    }

    /**
     * Card payments cannot be taken now: not configured ({@link #NOT_CONFIGURED}) or the provider
     * not answering ({@link #PROVIDER_DOWN}); HTTP answers 503. Nothing was charged.
     */
    public static final class Unavailable extends RuntimeException {
        public static final String NOT_CONFIGURED = "payment.card-unavailable";
        public static final String PROVIDER_DOWN = "payment.card-provider-unavailable";
        private static final long serialVersionUID = 1L;
        private final String code;

        Unavailable(String code) {
            super(code, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Commands commands;
    private final AccessPolicy access;
    private final InvoiceReadModel invoices;
    private final CardPaymentReadModel cardPayments;
    private final CardPayments provider;
    private final EventStore events;
    private final Clock clock;

    public CardCheckout(
            Commands commands,
            AccessPolicy access,
            InvoiceReadModel invoices,
            CardPaymentReadModel cardPayments,
            CardPayments provider,
            EventStore events,
            Clock clock) {
        this.commands = commands;
        this.access = access;
        this.invoices = invoices;
        this.cardPayments = cardPayments;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
    }

    public CardPayments.Availability availability() {
        return provider.availability();
    }

    /**
     * The payment of what the invoice has outstanding. Asked again for the same invoice as it stands
     * (a retry, an abandoned checkout resumed), it is the same payment and the same intent.
     */
    public Started start(Actor actor, UUID invoiceId) {
        access.requireRole(actor, PaymentsOperation.PAY_BY_CARD);
        InvoiceView invoice =
                invoices.invoice(invoiceId).orElseThrow(() -> new Rejection.NotFound("invoice.not-found"));
        access.require(
                actor,
                PaymentsOperation.PAY_BY_CARD,
                Target.branch(invoice.clinicId(), invoice.branchId()).ofPatient(invoice.patientId()));
        if (!provider.availability().available()) {
            throw new Unavailable(Unavailable.NOT_CONFIGURED);
        }
        if (!invoice.outstanding().isPositive() || invoice.number().isEmpty()) {
            throw new Rejection.Conflict(
                    "invoice.nothing-to-pay", invoice.status().name());
        }
        UUID paymentId = UUID.nameUUIDFromBytes(
                ("card|" + invoiceId + "|" + invoice.version()).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        commands.send(new RequestCardPayment(
                paymentId,
                invoiceId,
                invoice.clinicId(),
                invoice.patientId(),
                invoice.outstanding(),
                now,
                actor.userId()));
        CardPayments.Intent intent;
        try {
            intent = provider.createIntent(
                    paymentId.toString(),
                    invoice.outstanding(),
                    "Invoice " + invoice.number().get(),
                    Map.of(PAYMENT_METADATA, paymentId.toString(), INVOICE_METADATA, invoiceId.toString()));
        } catch (CardPayments.Refused refused) {
            throw new Rejection.RuleViolated("payment.card-refused", refused.code());
        } catch (CardPayments.Unavailable unavailable) {
            log.warn("Card payment {} not started: {}", paymentId, unavailable.getMessage());
            throw new Unavailable(Unavailable.PROVIDER_DOWN);
        }
        commands.send(new AttachIntent(paymentId, intent.intentId(), intent.status(), now));
        return new Started(paymentId, intent.amount(), intent.status(), intent.clientSecret());
    }

    /**
     * A webhook from the provider. Verified first ({@link CardPayments.Unverified} otherwise:
     * nothing is read or recorded); a report about a payment this server never started is logged
     * and accepted, so the provider does not send it again and again.
     */
    public void notified(String payload, String signature) {
        Optional<CardPayments.Notification> verified = provider.verify(payload, signature);
        if (verified.isEmpty()) {
            return;
        }
        CardPayments.Notification notification = verified.get();
        Optional<UUID> paymentId = Optional.ofNullable(notification.metadata().get(PAYMENT_METADATA))
                .flatMap(CardCheckout::uuid);
        if (paymentId.isEmpty() || !exists(paymentId.get())) {
            log.warn(
                    "Stripe event {} about intent {} names no payment of ours",
                    notification.eventId(),
                    notification.intentId());
            return;
        }
        commands.send(new ReportStatus(
                paymentId.get(),
                notification.eventId(),
                notification.intentId(),
                notification.status(),
                notification.occurredAt(),
                clock.instant()));
    }

    /**
     * Asks the provider about payments that stayed unfinished longer than {@code pendingFor}, so a
     * webhook that never came (or came days late) cannot leave a paid invoice unpaid. Answers how
     * many were asked about.
     */
    public int reconcile(Duration pendingFor, int limit) {
        if (!provider.availability().available()) {
            return 0;
        }
        Instant now = clock.instant();
        List<CardPaymentReadModel.CardPaymentView> pending = cardPayments.pendingSince(now.minus(pendingFor), limit);
        int asked = 0;
        for (CardPaymentReadModel.CardPaymentView payment : pending) {
            try {
                CardPayments.Intent intent =
                        provider.retrieve(payment.intentId().orElseThrow());
                asked++;
                if (intent.status() != payment.status()) {
                    commands.send(new ReportStatus(
                            payment.paymentId(),
                            "reconciliation:" + intent.intentId() + ":" + intent.status(),
                            intent.intentId(),
                            intent.status(),
                            now,
                            now));
                }
            } catch (CardPayments.Unavailable | CardPayments.Refused unanswered) {
                log.warn(
                        "Reconciliation of card payment {} postponed: {}",
                        payment.paymentId(),
                        unanswered.getMessage());
            }
        }
        return asked;
    }

    /** From the store, not the read model: a webhook may come before the projection has the payment. */
    private boolean exists(UUID paymentId) {
        return events.lastSequenceNumberFor(paymentId.toString()).isPresent();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }
}
