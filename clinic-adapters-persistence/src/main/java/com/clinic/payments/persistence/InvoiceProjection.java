package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.INVOICE_LINE;
import static com.clinic.payments.persistence.jooq.Tables.INVOICE_VIEW;
import static com.clinic.payments.persistence.jooq.Tables.LEDGER_ENTRY;

import com.clinic.payments.application.port.InvoiceView.EntryKind;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceEvent;
import com.clinic.payments.domain.invoice.InvoiceEvent.CancellationSettled;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceCredited;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceIssued;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceOpened;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceVoided;
import com.clinic.payments.domain.invoice.InvoiceEvent.LineAdded;
import com.clinic.payments.domain.invoice.InvoiceEvent.LineRemoved;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRecorded;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRefunded;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.payments.persistence.jooq.tables.records.InvoiceViewRecord;
import com.clinic.payments.persistence.jooq.tables.records.LedgerEntryRecord;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Builds invoice_view, invoice_line and ledger_entry. The invoice row moves forward only to a newer
 * version, and its status is recomputed by the aggregate's own rule from the money it then holds;
 * ledger entries are keyed by the event's position and inserted once. So a redelivered or replayed
 * event changes nothing twice, and the ledger is append-only as the table's trigger demands.
 */
@Component
@ProcessingGroup("payments-invoices")
class InvoiceProjection {

    private final DSLContext db;

    InvoiceProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(InvoiceOpened event, @SequenceNumber long version) {
        db.insertInto(INVOICE_VIEW)
                .set(INVOICE_VIEW.INVOICE_ID, event.invoiceId())
                .set(INVOICE_VIEW.CLINIC_ID, event.clinicId())
                .set(INVOICE_VIEW.BRANCH_ID, event.branchId())
                .set(INVOICE_VIEW.PATIENT_ID, event.patientId())
                .set(INVOICE_VIEW.APPOINTMENT_ID, event.appointmentId().orElse(null))
                .set(INVOICE_VIEW.CURRENCY, event.currency())
                .set(INVOICE_VIEW.STATUS, InvoiceStatus.DRAFT.name())
                .set(INVOICE_VIEW.OPENED_AT, event.at())
                .set(INVOICE_VIEW.VERSION, version)
                .onConflict(INVOICE_VIEW.INVOICE_ID)
                .doNothing()
                .execute();
        for (int index = 0; index < event.lines().size(); index++) {
            insertLine(event.invoiceId(), event.lines().get(index), version * 1_000 + index);
        }
    }

    @EventHandler
    void on(LineAdded event, @SequenceNumber long version) {
        insertLine(event.invoiceId(), event.line(), version * 1_000);
        advance(event.invoiceId(), version, row -> {});
    }

    @EventHandler
    void on(LineRemoved event, @SequenceNumber long version) {
        db.deleteFrom(INVOICE_LINE)
                .where(INVOICE_LINE.INVOICE_ID.eq(event.invoiceId()), INVOICE_LINE.LINE_ID.eq(event.lineId()))
                .execute();
        advance(event.invoiceId(), version, row -> {});
    }

    @EventHandler
    void on(InvoiceIssued event, @SequenceNumber long version) {
        InvoiceViewRecord invoice = advance(event.invoiceId(), version, row -> {
            row.setNumber(event.number());
            row.setSubtotalMinor(event.subtotal().minor());
            row.setTaxMinor(event.tax().minor());
            row.setTotalMinor(event.total().minor());
            row.setIssuedAt(event.at());
        });
        post(invoice, event, version, 0, EntryKind.CHARGE, event.invoiceId(), event.total(), entry -> {});
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long version) {
        InvoiceViewRecord invoice = advance(
                event.invoiceId(),
                version,
                row -> row.setPaidMinor(row.getPaidMinor() + event.amount().minor()));
        post(invoice, event, version, 0, EntryKind.PAYMENT, event.paymentId(), event.amount(), entry -> {
            entry.setMethod(event.method().name());
            entry.setPaymentId(event.paymentId());
            entry.setReceiptNumber(event.receiptNumber());
            entry.setReference(event.reference().orElse(null));
        });
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long version) {
        InvoiceViewRecord invoice = advance(event.invoiceId(), version, row -> {
            row.setRefundedMinor(row.getRefundedMinor() + event.amount().minor());
            row.setCreditedMinor(row.getCreditedMinor() + event.credit().minor());
        });
        post(invoice, event, version, 0, EntryKind.REFUND, event.refundId(), event.amount(), entry -> {
            entry.setMethod(event.method().name());
            entry.setPaymentId(event.paymentId());
            entry.setReasonCode(event.reasonCode());
        });
        if (event.credit().isPositive()) {
            post(invoice, event, version, 1, EntryKind.CREDIT, event.refundId(), event.credit(), entry -> {
                entry.setCreditKind(CreditKind.ADJUSTMENT.name());
                entry.setReasonCode(event.reasonCode());
            });
        }
    }

    @EventHandler
    void on(InvoiceCredited event, @SequenceNumber long version) {
        InvoiceViewRecord invoice = advance(
                event.invoiceId(),
                version,
                row -> row.setCreditedMinor(
                        row.getCreditedMinor() + event.amount().minor()));
        post(invoice, event, version, 0, EntryKind.CREDIT, event.creditId(), event.amount(), entry -> {
            entry.setCreditKind(event.kind().name());
            entry.setReasonCode(event.reasonCode());
            entry.setReasonArguments(ReasonArguments.write(event.arguments()));
        });
    }

    @EventHandler
    void on(CancellationSettled event, @SequenceNumber long version) {
        advance(event.invoiceId(), version, row -> {
            row.setSettlementReason(event.reasonCode());
            row.setSettlementArguments(ReasonArguments.write(event.arguments()));
            row.setSettlementReleasedMinor(event.released().minor());
            row.setSettlementRetainedMinor(event.retained().minor());
            row.setSettlementRefundDueMinor(event.refundDue().minor());
            row.setSettledAt(event.at());
        });
    }

    @EventHandler
    void on(InvoiceVoided event, @SequenceNumber long version) {
        InvoiceViewRecord invoice = advance(event.invoiceId(), version, row -> {
            row.setVoided(true);
            row.setCreditedMinor(row.getCreditedMinor() + event.credited().minor());
        });
        if (event.credited().isPositive()) {
            post(invoice, event, version, 0, EntryKind.CREDIT, event.invoiceId(), event.credited(), entry -> {
                entry.setCreditKind(CreditKind.ADJUSTMENT.name());
                entry.setReasonCode(event.reasonCode());
            });
        }
    }

    @ResetHandler
    void reset() {
        db.truncate(INVOICE_VIEW).execute();
        db.truncate(INVOICE_LINE).execute();
        db.truncate(LEDGER_ENTRY).execute();
    }

    private void insertLine(UUID invoiceId, InvoiceLine line, long position) {
        db.insertInto(INVOICE_LINE)
                .set(INVOICE_LINE.INVOICE_ID, invoiceId)
                .set(INVOICE_LINE.LINE_ID, line.lineId())
                .set(INVOICE_LINE.POSITION, position)
                .set(INVOICE_LINE.KIND, line.kind().name())
                .set(INVOICE_LINE.DESCRIPTION, line.description())
                .set(INVOICE_LINE.UNIT_PRICE_MINOR, line.unitPrice().minor())
                .set(INVOICE_LINE.QUANTITY, line.quantity())
                .set(INVOICE_LINE.TAX_BASIS_POINTS, line.taxRate().basisPoints())
                .onConflict(INVOICE_LINE.INVOICE_ID, INVOICE_LINE.LINE_ID)
                .doNothing()
                .execute();
    }

    /**
     * Applies the change to a row older than this event, with the status its money now gives; answers
     * the row either way, for the ledger entries the event posts.
     */
    private InvoiceViewRecord advance(UUID invoiceId, long version, Consumer<InvoiceViewRecord> change) {
        InvoiceViewRecord row = db.selectFrom(INVOICE_VIEW)
                .where(INVOICE_VIEW.INVOICE_ID.eq(invoiceId))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("invoice " + invoiceId + " was never opened"));
        if (row.getVersion() >= version) {
            return row;
        }
        change.accept(row);
        row.setStatus(InvoiceStatus.of(
                        row.getNumber() != null,
                        row.getVoided(),
                        row.getTotalMinor(),
                        row.getCreditedMinor(),
                        row.getPaidMinor(),
                        row.getRefundedMinor())
                .name());
        row.setVersion(version);
        row.update();
        return row;
    }

    private void post(
            InvoiceViewRecord invoice,
            InvoiceEvent event,
            long version,
            int index,
            EntryKind kind,
            UUID entryId,
            Money amount,
            Consumer<LedgerEntryRecord> details) {
        LedgerEntryRecord entry = db.newRecord(LEDGER_ENTRY);
        entry.setInvoiceId(event.invoiceId());
        entry.setPosition(version * 10 + index);
        entry.setClinicId(invoice.getClinicId());
        entry.setBranchId(invoice.getBranchId());
        entry.setKind(kind.name());
        entry.setEntryId(entryId);
        entry.setAmountMinor(amount.minor());
        entry.setCurrency(amount.currency());
        entry.setPostedAt(event.at());
        entry.setPostedBy(event.by());
        details.accept(entry);
        db.insertInto(LEDGER_ENTRY)
                .set(entry)
                .onConflict(LEDGER_ENTRY.INVOICE_ID, LEDGER_ENTRY.POSITION)
                .doNothing()
                .execute();
    }
}
