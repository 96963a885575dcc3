package com.clinic.payments.rest;

import com.clinic.payments.application.port.InvoiceSummary;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.payments.domain.invoice.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * An invoice as the API shows it: amounts as decimal strings of its {@code currency} ("172.50", at
 * the currency's own scale, never a binary floating-point number); {@code total} is what
 * was issued, {@code due} what it asks now, {@code outstanding} what is left to pay (negative: the
 * clinic owes the patient that much back); the ledger entry by entry; the refund-policy decision
 * with its explanation in the caller's language.
 */
record InvoiceResponse(
        UUID invoiceId,
        UUID clinicId,
        UUID branchId,
        UUID patientId,
        UUID appointmentId,
        Long number,
        InvoiceStatus status,
        String currency,
        List<Line> lines,
        String subtotal,
        String tax,
        String total,
        String credited,
        String due,
        String paid,
        String refunded,
        String outstanding,
        List<Entry> ledger,
        Settlement settlement,
        Instant openedAt,
        Instant issuedAt,
        long version) {

    record Line(
            UUID lineId,
            InvoiceLine.Kind kind,
            String description,
            String unitPrice,
            int quantity,
            String taxPercent,
            String net,
            String tax,
            String gross) {}

    /**
     * @param entryId the payment's, refund's or credit's id (a refund names the payment in {@code
     *     paymentId})
     * @param reason the explanation, in the caller's language, of a refund or credit
     */
    record Entry(
            InvoiceView.EntryKind kind,
            UUID entryId,
            String amount,
            PaymentMethod method,
            UUID paymentId,
            Long receiptNumber,
            String reference,
            CreditKind creditKind,
            String reasonCode,
            String reason,
            Instant at,
            UUID by) {}

    /**
     * @param released the part of the price no longer asked
     * @param retained the late-cancellation or no-show fee kept
     * @param refundDue what goes back to the patient of what they paid
     * @param reason the explanation in the caller's language
     */
    record Settlement(
            String released, String retained, String refundDue, String reasonCode, String reason, Instant at) {}

    record Summary(
            UUID invoiceId,
            UUID branchId,
            UUID patientId,
            UUID appointmentId,
            Long number,
            InvoiceStatus status,
            String currency,
            String total,
            String due,
            String outstanding,
            Instant openedAt) {

        static Summary of(InvoiceSummary row) {
            return new Summary(
                    row.invoiceId(),
                    row.branchId(),
                    row.patientId(),
                    row.appointmentId().orElse(null),
                    row.number().orElse(null),
                    row.status(),
                    row.total().currency(),
                    row.total().toMajor().toPlainString(),
                    row.due().toMajor().toPlainString(),
                    row.outstanding().toMajor().toPlainString(),
                    row.openedAt());
        }
    }

    /** {@code explain} turns a reason code and its arguments into the caller's language. */
    static InvoiceResponse of(InvoiceView view, Function<ReasonText, String> explain) {
        return new InvoiceResponse(
                view.invoiceId(),
                view.clinicId(),
                view.branchId(),
                view.patientId(),
                view.appointmentId().orElse(null),
                view.number().orElse(null),
                view.status(),
                view.currency(),
                view.lines().stream()
                        .map(line -> new Line(
                                line.lineId(),
                                line.kind(),
                                line.description(),
                                line.unitPrice().toMajor().toPlainString(),
                                line.quantity(),
                                BigDecimal.valueOf(line.taxBasisPoints(), 2).toPlainString(),
                                line.net().toMajor().toPlainString(),
                                line.tax().toMajor().toPlainString(),
                                line.gross().toMajor().toPlainString()))
                        .toList(),
                view.subtotal().toMajor().toPlainString(),
                view.tax().toMajor().toPlainString(),
                view.total().toMajor().toPlainString(),
                view.credited().toMajor().toPlainString(),
                view.due().toMajor().toPlainString(),
                view.paid().toMajor().toPlainString(),
                view.refunded().toMajor().toPlainString(),
                view.outstanding().toMajor().toPlainString(),
                view.ledger().stream()
                        .map(entry -> new Entry(
                                entry.kind(),
                                entry.entryId(),
                                entry.amount().toMajor().toPlainString(),
                                entry.method().orElse(null),
                                entry.paymentId().orElse(null),
                                entry.receiptNumber().orElse(null),
                                entry.reference().orElse(null),
                                entry.creditKind().orElse(null),
                                entry.reasonCode().orElse(null),
                                entry.reasonCode()
                                        .map(code -> explain.apply(new ReasonText(code, entry.reasonArguments())))
                                        .orElse(null),
                                entry.at(),
                                entry.by()))
                        .toList(),
                view.settlement()
                        .map(settlement -> new Settlement(
                                settlement.released().toMajor().toPlainString(),
                                settlement.retained().toMajor().toPlainString(),
                                settlement.refundDue().toMajor().toPlainString(),
                                settlement.reasonCode(),
                                explain.apply(new ReasonText(settlement.reasonCode(), settlement.arguments())),
                                settlement.at()))
                        .orElse(null),
                view.openedAt(),
                view.issuedAt().orElse(null),
                view.version());
    }

    /** A reason code with its arguments, to be put into words. */
    record ReasonText(String code, List<String> arguments) {}
}
