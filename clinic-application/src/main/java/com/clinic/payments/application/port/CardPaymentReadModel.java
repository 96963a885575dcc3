package com.clinic.payments.application.port;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.card.CardPaymentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: card payments as projected from their events. */
public interface CardPaymentReadModel {

    record CardPaymentView(
            UUID paymentId,
            UUID invoiceId,
            UUID clinicId,
            UUID patientId,
            Money amount,
            Optional<String> intentId,
            CardPaymentStatus status,
            Instant requestedAt,
            long version) {}

    /** Payments with an intent that are not final and were requested before {@code before}, oldest first. */
    List<CardPaymentView> pendingSince(Instant before, int limit);
}
