package com.clinic.payments.domain.card;

import com.clinic.payments.domain.Money;
import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** What happened to a card payment. */
public sealed interface CardPaymentEvent extends DomainEvent {

    UUID paymentId();

    @Override
    default String aggregateId() {
        return paymentId().toString();
    }

    record CardPaymentRequested(
            UUID paymentId, UUID invoiceId, UUID clinicId, UUID patientId, Money amount, Instant at, UUID by)
            implements CardPaymentEvent {}

    record CardIntentAttached(UUID paymentId, String intentId, CardPaymentStatus status, Instant at)
            implements CardPaymentEvent {}

    /** The provider's report moved the payment from {@code previous} to {@code status}. */
    record CardPaymentStatusChanged(
            UUID paymentId,
            UUID invoiceId,
            Money amount,
            String intentId,
            String eventId,
            CardPaymentStatus previous,
            CardPaymentStatus status,
            Instant occurredAt,
            Instant at)
            implements CardPaymentEvent {}

    /** A report that came too late to change anything (an older state, or after a final one); kept for the audit trail. */
    record CardReportIgnored(
            UUID paymentId, String eventId, CardPaymentStatus reported, CardPaymentStatus current, Instant at)
            implements CardPaymentEvent {}
}
