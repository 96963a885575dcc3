package com.clinic.payments.application;

import com.clinic.payments.domain.card.CardPaymentEvent.CardIntentAttached;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentRequested;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentStatusChanged;
import com.clinic.payments.domain.card.CardPaymentStatus;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.platform.application.axon.StandaloneCommands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a succeeded card payment to its invoice, under the card payment's own id: the invoice
 * records it once however often the provider says so. A process (it sends commands), never
 * replayed. When the invoice cannot take it any more (paid at the desk meanwhile, voided), the
 * refusal is logged for the desk: the money is at the provider and has to go back (an automatic card
 * refund does not exist yet).
 */
@Component
@ProcessingGroup(CardPaymentPosting.PROCESSING_GROUP)
@DisallowReplay
public class CardPaymentPosting {

    public static final String PROCESSING_GROUP = "payments-card-posting";

    private static final Logger log = LoggerFactory.getLogger(CardPaymentPosting.class);

    private final StandaloneCommands commands;
    private final EventStore events;

    public CardPaymentPosting(StandaloneCommands commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(CardPaymentStatusChanged changed) {
        if (changed.status() == CardPaymentStatus.SUCCEEDED) {
            post(changed.paymentId(), changed.invoiceId(), changed.amount(), changed.intentId(), changed.at());
        }
    }

    @EventHandler
    void on(CardIntentAttached attached) {
        if (attached.status() == CardPaymentStatus.SUCCEEDED) {
            CardPaymentRequested requested = requested(attached.paymentId());
            post(attached.paymentId(), requested.invoiceId(), requested.amount(), attached.intentId(), attached.at());
        }
    }

    private void post(
            java.util.UUID paymentId,
            java.util.UUID invoiceId,
            com.clinic.payments.domain.Money amount,
            String intentId,
            java.time.Instant at) {
        try {
            commands.request(new InvoiceRequests.TakePayment(
                    invoiceId,
                    paymentId,
                    PaymentMethod.CARD_ONLINE,
                    amount,
                    Optional.of(intentId),
                    at,
                    Actor.SYSTEM_USER_ID));
        } catch (Rejection refused) {
            log.error(
                    "Card payment {} ({}) succeeded but invoice {} refused it ({}): refund it at the provider",
                    paymentId,
                    intentId,
                    invoiceId,
                    refused.code());
        }
    }

    private CardPaymentRequested requested(java.util.UUID paymentId) {
        return events.readEvents(paymentId.toString())
                .asStream()
                .map(message -> message.getPayload())
                .filter(CardPaymentRequested.class::isInstance)
                .map(CardPaymentRequested.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
