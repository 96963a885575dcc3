package com.clinic.payments.domain.card;

import com.clinic.payments.domain.Money;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A card payment as its events left it. */
public sealed interface CardPaymentState {

    record Absent() implements CardPaymentState {}

    /**
     * {@code lastReportAt} is the provider's time of the report that set the status; {@code reports}
     * the ids of every report seen, so a redelivered one records nothing.
     */
    record Existing(
            UUID paymentId,
            UUID invoiceId,
            UUID clinicId,
            UUID patientId,
            Money amount,
            Optional<String> intentId,
            CardPaymentStatus status,
            Optional<Instant> lastReportAt,
            Set<String> reports)
            implements CardPaymentState {

        public Existing {
            reports = Set.copyOf(reports);
        }

        Existing with(
                Optional<String> newIntent,
                CardPaymentStatus newStatus,
                Optional<Instant> reportAt,
                Optional<String> report) {
            Set<String> seen = new HashSet<>(reports);
            report.ifPresent(seen::add);
            return new Existing(
                    paymentId, invoiceId, clinicId, patientId, amount, newIntent, newStatus, reportAt, seen);
        }
    }
}
