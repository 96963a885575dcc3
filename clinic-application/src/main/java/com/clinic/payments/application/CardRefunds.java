package com.clinic.payments.application;

import com.clinic.payments.application.port.CardPayments;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.InvoiceCommand.RefundPayment;
import com.clinic.payments.domain.invoice.InvoiceDecider;
import com.clinic.payments.domain.invoice.InvoiceEvent;
import com.clinic.payments.domain.invoice.InvoiceEvent.CancellationSettled;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRecorded;
import com.clinic.payments.domain.invoice.InvoiceState;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.platform.application.axon.StandaloneCommands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Money back on card payments goes back through the provider, then is recorded on the invoice,
 * both under one key derived from the cause: asked again (a retried request, a redelivered
 * settlement, a restart between the two steps), the provider finds its refund and the invoice its
 * entry, so nothing is given back twice. When a cancelled visit's settlement leaves money owed to a
 * patient who paid by card, this process gives it back by itself; a provider that does not answer
 * fails the step and the processor tries again.
 */
@Component
@ProcessingGroup(CardRefunds.PROCESSING_GROUP)
@DisallowReplay
public class CardRefunds {

    public static final String PROCESSING_GROUP = "payments-card-refunds";

    private static final Logger log = LoggerFactory.getLogger(CardRefunds.class);
    private static final InvoiceDecider DECIDER = new InvoiceDecider();

    private final CardPayments provider;
    private final StandaloneCommands commands;
    private final EventStore events;
    private final Clock clock;

    public CardRefunds(CardPayments provider, StandaloneCommands commands, EventStore events, Clock clock) {
        this.provider = provider;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives {@code amount} of a card payment back at the provider and records it on the invoice,
     * under {@code key}; answers the refund's id. {@link CardCheckout.Unavailable} when the
     * provider does not answer (nothing recorded; the same key may be tried again).
     */
    public UUID giveBack(
            UUID invoiceId, UUID paymentId, String intentId, Money amount, String reasonCode, String key, UUID by) {
        UUID refundId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        CardPayments.ProviderRefund refund;
        try {
            refund = provider.refund(key, intentId, amount);
        } catch (CardPayments.Unavailable unavailable) {
            throw new CardCheckout.Unavailable(CardCheckout.Unavailable.PROVIDER_DOWN);
        } catch (CardPayments.Refused refused) {
            throw new Rejection.RuleViolated("payment.card-refused", refused.code());
        }
        if (!refund.taken()) {
            throw new Rejection.RuleViolated("payment.card-refused", refund.status());
        }
        commands.request(new RefundPayment(invoiceId, refundId, paymentId, amount, reasonCode, clock.instant(), by));
        return refundId;
    }

    @EventHandler
    void on(CancellationSettled settled) {
        if (!settled.refundDue().isPositive()) {
            return;
        }
        List<InvoiceEvent> history = events.readEvents(settled.invoiceId().toString())
                .asStream()
                .map(message -> (InvoiceEvent) message.getPayload())
                .toList();
        InvoiceState.Existing invoice = (InvoiceState.Existing) DECIDER.fold(DECIDER.initialState(), history);
        Map<UUID, String> intents = new HashMap<>();
        history.stream()
                .filter(PaymentRecorded.class::isInstance)
                .map(PaymentRecorded.class::cast)
                .filter(payment -> payment.method() == PaymentMethod.CARD_ONLINE)
                .forEach(payment -> payment.reference().ifPresent(intent -> intents.put(payment.paymentId(), intent)));
        Money zero = Money.zero(invoice.currency());
        // What is still owed back now: the desk may have paid part of it out meanwhile.
        Money left = settled.refundDue().min(invoice.outstanding().negate().max(zero));
        for (Map.Entry<UUID, InvoiceState.PaymentBalance> payment :
                invoice.payments().entrySet()) {
            String intent = intents.get(payment.getKey());
            if (!left.isPositive()
                    || intent == null
                    || !payment.getValue().refundable().isPositive()) {
                continue;
            }
            Money amount = left.min(payment.getValue().refundable());
            String key = "settlement-refund:" + settled.invoiceId() + ":" + payment.getKey();
            if (invoice.refunds().contains(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)))) {
                continue;
            }
            try {
                giveBack(
                        settled.invoiceId(),
                        payment.getKey(),
                        intent,
                        amount,
                        "refund.cancellation",
                        key,
                        Actor.SYSTEM_USER_ID);
                left = left.minus(amount);
            } catch (Rejection refused) {
                log.error(
                        "Card refund of {} on payment {} of invoice {} refused ({}): give it back by hand",
                        amount,
                        payment.getKey(),
                        settled.invoiceId(),
                        refused.code());
            }
        }
        Optional.of(left)
                .filter(Money::isPositive)
                .ifPresent(rest -> log.info(
                        "Invoice {}: {} owed back is not on a card payment; the desk pays it out",
                        settled.invoiceId(),
                        rest));
    }
}
