package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What can be asked of an invoice. {@code at} and {@code by} are when and by whom. */
public sealed interface InvoiceCommand extends AggregateCommand {

    UUID invoiceId();

    Instant at();

    UUID by();

    @Override
    default String aggregateId() {
        return invoiceId().toString();
    }

    /** A draft for a patient at a branch, in the branch's currency; for an appointment or not. */
    record OpenInvoice(
            UUID invoiceId,
            UUID clinicId,
            UUID branchId,
            UUID patientId,
            Optional<UUID> appointmentId,
            String currency,
            List<InvoiceLine> lines,
            Instant at,
            UUID by)
            implements InvoiceCommand {
        public OpenInvoice {
            lines = List.copyOf(lines);
        }
    }

    record AddLine(UUID invoiceId, InvoiceLine line, Instant at, UUID by) implements InvoiceCommand {}

    record RemoveLine(UUID invoiceId, UUID lineId, Instant at, UUID by) implements InvoiceCommand {}

    /** Issue with the next number of the clinic's sequence (allocated with the command, gap-free). */
    record IssueInvoice(UUID invoiceId, long number, Instant at, UUID by) implements InvoiceCommand {}

    /**
     * Money received: cash or a terminal at the desk, or a card online. {@code receiptNumber} is the
     * next of the clinic's receipt sequence (allocated with the command, gap-free); {@code reference}
     * the terminal's or the provider's, when there is one.
     */
    record RecordPayment(
            UUID invoiceId,
            UUID paymentId,
            PaymentMethod method,
            Money amount,
            long receiptNumber,
            Optional<String> reference,
            Instant at,
            UUID by)
            implements InvoiceCommand {}

    /**
     * Money back on one payment. What the clinic already owes the patient (credits beyond what is
     * still due) is paid back first; a refund beyond that also lowers what the invoice asks.
     */
    record RefundPayment(
            UUID invoiceId, UUID refundId, UUID paymentId, Money amount, String reasonCode, Instant at, UUID by)
            implements InvoiceCommand {}

    /** Lower what the invoice asks, with the reason (a refund-policy decision, a write-off). */
    record CreditInvoice(
            UUID invoiceId,
            UUID creditId,
            Money amount,
            CreditKind kind,
            String reasonCode,
            List<String> arguments,
            Instant at,
            UUID by)
            implements InvoiceCommand {
        public CreditInvoice {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The appointment this invoice bills was cancelled or missed: apply the clinic's refund policy to
     * what the invoice asks and what was paid, at this moment of the invoice's own history. Once per
     * invoice; a repeat records nothing.
     */
    record SettleCancellation(
            UUID invoiceId,
            RefundPolicy policy,
            Instant start,
            RefundPolicy.Party endedBy,
            boolean noShow,
            Instant at,
            UUID by)
            implements InvoiceCommand {}

    /** Withdraw an invoice nothing was paid on: a draft, or an issued one (it keeps its number). */
    record VoidInvoice(UUID invoiceId, String reasonCode, Instant at, UUID by) implements InvoiceCommand {}
}
