package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened to an invoice. The money events ({@link InvoiceIssued}, {@link PaymentRecorded},
 * {@link PaymentRefunded}, {@link InvoiceCredited}, {@link InvoiceVoided}) are the ledger: each
 * posts entries that are never changed afterwards, and corrections are new events.
 */
public sealed interface InvoiceEvent extends DomainEvent {

    UUID invoiceId();

    Instant at();

    UUID by();

    @Override
    default String aggregateId() {
        return invoiceId().toString();
    }

    record InvoiceOpened(
            UUID invoiceId,
            UUID clinicId,
            UUID branchId,
            UUID patientId,
            Optional<UUID> appointmentId,
            String currency,
            List<InvoiceLine> lines,
            Instant at,
            UUID by)
            implements InvoiceEvent {
        public InvoiceOpened {
            lines = List.copyOf(lines);
        }
    }

    record LineAdded(UUID invoiceId, InvoiceLine line, Instant at, UUID by) implements InvoiceEvent {}

    record LineRemoved(UUID invoiceId, UUID lineId, Instant at, UUID by) implements InvoiceEvent {}

    /** Issued: the lines are final; {@code total} is what the patient owes (the ledger's charge). */
    record InvoiceIssued(
            UUID invoiceId, UUID clinicId, long number, Money subtotal, Money tax, Money total, Instant at, UUID by)
            implements InvoiceEvent {}

    record PaymentRecorded(
            UUID invoiceId,
            UUID paymentId,
            PaymentMethod method,
            Money amount,
            long receiptNumber,
            Optional<String> reference,
            Instant at,
            UUID by)
            implements InvoiceEvent {}

    /**
     * Money back on a payment; {@code credit} is the part of it that also lowered what the invoice
     * asks (zero when the clinic only paid back what it already owed).
     */
    record PaymentRefunded(
            UUID invoiceId,
            UUID refundId,
            UUID paymentId,
            PaymentMethod method,
            Money amount,
            Money credit,
            String reasonCode,
            Instant at,
            UUID by)
            implements InvoiceEvent {}

    record InvoiceCredited(
            UUID invoiceId,
            UUID creditId,
            Money amount,
            CreditKind kind,
            String reasonCode,
            List<String> arguments,
            Instant at,
            UUID by)
            implements InvoiceEvent {
        public InvoiceCredited {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The refund policy's decision for a cancelled or missed visit: {@code released} is credited (an
     * {@link InvoiceCredited} beside it), {@code retained} is the fee kept, {@code refundDue} what the
     * patient gets back of what they paid. {@code reasonCode} and {@code arguments} explain it.
     */
    record CancellationSettled(
            UUID invoiceId,
            Money released,
            Money retained,
            Money refundDue,
            String reasonCode,
            List<String> arguments,
            Instant at,
            UUID by)
            implements InvoiceEvent {
        public CancellationSettled {
            arguments = List.copyOf(arguments);
        }
    }

    /** Withdrawn; {@code credited} is what it still asked, which it no longer does. */
    record InvoiceVoided(UUID invoiceId, Money credited, String reasonCode, Instant at, UUID by)
            implements InvoiceEvent {}
}
