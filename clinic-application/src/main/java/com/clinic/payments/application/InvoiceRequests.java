package com.clinic.payments.application;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Commands that need a number of the clinic's sequences: the aggregate takes it while it handles
 * them, inside the command's transaction, only when the invoice is about to be issued or the
 * payment about to be recorded, so a refused or repeated command takes none (ADR 0027).
 */
public final class InvoiceRequests {

    private InvoiceRequests() {}

    public record Issue(UUID invoiceId, Instant at, UUID by) implements AggregateCommand {
        @Override
        public String aggregateId() {
            return invoiceId.toString();
        }
    }

    public record TakePayment(
            UUID invoiceId,
            UUID paymentId,
            PaymentMethod method,
            Money amount,
            Optional<String> reference,
            Instant at,
            UUID by)
            implements AggregateCommand {
        @Override
        public String aggregateId() {
            return invoiceId.toString();
        }
    }
}
