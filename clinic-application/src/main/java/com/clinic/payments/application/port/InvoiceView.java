package com.clinic.payments.application.port;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.payments.domain.invoice.PaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An invoice as the read model holds it: its lines, its totals and every ledger entry posted against
 * it. {@code total} is what was issued, {@code due} what it asks now (after credits), {@code
 * outstanding} what is left to pay (negative: the clinic owes that much back).
 */
public record InvoiceView(
        UUID invoiceId,
        UUID clinicId,
        UUID branchId,
        UUID patientId,
        Optional<UUID> appointmentId,
        Optional<Long> number,
        InvoiceStatus status,
        String currency,
        List<Line> lines,
        Money subtotal,
        Money tax,
        Money total,
        Money credited,
        Money due,
        Money paid,
        Money refunded,
        Money outstanding,
        List<Entry> ledger,
        Optional<Settlement> settlement,
        Instant openedAt,
        Optional<Instant> issuedAt,
        long version) {

    public InvoiceView {
        lines = List.copyOf(lines);
        ledger = List.copyOf(ledger);
    }

    public record Line(
            UUID lineId,
            InvoiceLine.Kind kind,
            String description,
            Money unitPrice,
            int quantity,
            int taxBasisPoints,
            Money net,
            Money tax,
            Money gross) {}

    /**
     * The refund policy's decision when the visit was cancelled or missed: the part of the price
     * released, the fee kept, what the patient gets back, and why ({@code reasonCode} with its
     * arguments, e.g. {@code refund.cancelled-late} [50, 24]).
     */
    public record Settlement(
            Money released, Money retained, Money refundDue, String reasonCode, List<String> arguments, Instant at) {
        public Settlement {
            arguments = List.copyOf(arguments);
        }
    }

    /** The kinds of ledger entry; a correction is always a new entry, never an edit. */
    public enum EntryKind {
        /** The issued total: what the patient was asked for. */
        CHARGE,
        /** What the invoice no longer asks (a policy's release, an adjustment, a write-off, a void). */
        CREDIT,
        PAYMENT,
        REFUND
    }

    /**
     * One posted entry. {@code entryId} is the payment's, refund's or credit's id (the invoice's own
     * for its charge and a void); {@code paymentId} the payment a refund went back on.
     */
    public record Entry(
            long position,
            EntryKind kind,
            UUID entryId,
            Money amount,
            Optional<PaymentMethod> method,
            Optional<UUID> paymentId,
            Optional<Long> receiptNumber,
            Optional<String> reference,
            Optional<CreditKind> creditKind,
            Optional<String> reasonCode,
            List<String> reasonArguments,
            Instant at,
            UUID by) {
        public Entry {
            reasonArguments = List.copyOf(reasonArguments);
        }
    }
}
