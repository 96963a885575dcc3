package com.clinic.payments.domain.card;

import com.clinic.payments.domain.Money;
import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.UUID;

/** What can be asked of a card payment. */
public sealed interface CardPaymentCommand extends AggregateCommand {

    UUID paymentId();

    @Override
    default String aggregateId() {
        return paymentId().toString();
    }

    /** A payment of this amount towards the invoice, about to be asked of the provider. */
    record RequestCardPayment(
            UUID paymentId, UUID invoiceId, UUID clinicId, UUID patientId, Money amount, Instant at, UUID by)
            implements CardPaymentCommand {}

    /** The provider's intent for it, as the provider answered the request. */
    record AttachIntent(UUID paymentId, String intentId, CardPaymentStatus status, Instant at)
            implements CardPaymentCommand {}

    /**
     * What the provider reported, by webhook or when asked: {@code eventId} names the report (the
     * same on every redelivery; a reconciliation's own id otherwise), {@code occurredAt} is the
     * provider's time for it.
     */
    record ReportStatus(
            UUID paymentId, String eventId, String intentId, CardPaymentStatus status, Instant occurredAt, Instant at)
            implements CardPaymentCommand {}
}
