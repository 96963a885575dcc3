package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.INVOICE_LINE;
import static com.clinic.payments.persistence.jooq.Tables.INVOICE_VIEW;
import static com.clinic.payments.persistence.jooq.Tables.LEDGER_ENTRY;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectFrom;

import com.clinic.payments.application.port.InvoiceReadModel;
import com.clinic.payments.application.port.InvoiceSummary;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.payments.persistence.jooq.tables.records.InvoiceLineRecord;
import com.clinic.payments.persistence.jooq.tables.records.InvoiceViewRecord;
import com.clinic.payments.persistence.jooq.tables.records.LedgerEntryRecord;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.persistence.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Result;
import org.springframework.stereotype.Component;

/** Invoices with their lines and ledger in one statement (MULTISET); lists newest first by keyset. */
@Component
class JooqInvoiceReadModel implements InvoiceReadModel {

    private static final Field<Result<InvoiceLineRecord>> LINES = multiset(selectFrom(INVOICE_LINE)
                    .where(INVOICE_LINE.INVOICE_ID.eq(INVOICE_VIEW.INVOICE_ID))
                    .orderBy(INVOICE_LINE.POSITION))
            .as("lines");

    private static final Field<Result<LedgerEntryRecord>> LEDGER = multiset(selectFrom(LEDGER_ENTRY)
                    .where(LEDGER_ENTRY.INVOICE_ID.eq(INVOICE_VIEW.INVOICE_ID))
                    .orderBy(LEDGER_ENTRY.POSITION))
            .as("ledger");

    private final DSLContext db;

    JooqInvoiceReadModel(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<InvoiceView> invoice(UUID invoiceId) {
        return find(INVOICE_VIEW.INVOICE_ID.eq(invoiceId));
    }

    @Override
    public Optional<InvoiceView> ofAppointment(UUID appointmentId) {
        return find(INVOICE_VIEW.APPOINTMENT_ID.eq(appointmentId));
    }

    private Optional<InvoiceView> find(Condition condition) {
        return db.select(INVOICE_VIEW, LINES, LEDGER)
                .from(INVOICE_VIEW)
                .where(condition)
                .fetchOptional(JooqInvoiceReadModel::view);
    }

    @Override
    public Page<InvoiceSummary> invoices(Filter filter, PageRequest page) {
        List<Condition> where = new ArrayList<>();
        filter.patientId().ifPresent(id -> where.add(INVOICE_VIEW.PATIENT_ID.eq(id)));
        filter.clinicId().ifPresent(id -> where.add(INVOICE_VIEW.CLINIC_ID.eq(id)));
        filter.branchId().ifPresent(id -> where.add(INVOICE_VIEW.BRANCH_ID.eq(id)));
        if (!filter.statuses().isEmpty()) {
            where.add(INVOICE_VIEW.STATUS.in(
                    filter.statuses().stream().map(Enum::name).toList()));
        }
        page.after()
                .map(Cursor::decode)
                .ifPresent(cursor -> where.add(
                        row(INVOICE_VIEW.OPENED_AT, INVOICE_VIEW.INVOICE_ID).lt(cursor.at(), cursor.id())));
        List<InvoiceSummary> rows = db.selectFrom(INVOICE_VIEW)
                .where(where)
                .orderBy(INVOICE_VIEW.OPENED_AT.desc(), INVOICE_VIEW.INVOICE_ID.desc())
                .limit(page.limit() + 1)
                .fetch(JooqInvoiceReadModel::summary);
        boolean more = rows.size() > page.limit();
        List<InvoiceSummary> items = more ? rows.subList(0, page.limit()) : rows;
        Optional<String> next = more
                ? Optional.of(
                        new Cursor(items.getLast().openedAt(), items.getLast().invoiceId()).encode())
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static InvoiceSummary summary(InvoiceViewRecord row) {
        Totals totals = Totals.of(row);
        return new InvoiceSummary(
                row.getInvoiceId(),
                row.getClinicId(),
                row.getBranchId(),
                row.getPatientId(),
                Optional.ofNullable(row.getAppointmentId()),
                Optional.ofNullable(row.getNumber()),
                InvoiceStatus.valueOf(row.getStatus()),
                totals.total(),
                totals.due(),
                totals.outstanding(),
                row.getOpenedAt());
    }

    private static InvoiceView view(
            Record3<InvoiceViewRecord, Result<InvoiceLineRecord>, Result<LedgerEntryRecord>> record) {
        InvoiceViewRecord row = record.value1();
        String currency = row.getCurrency();
        Totals totals = Totals.of(row);
        Optional<InvoiceView.Settlement> settlement = Optional.ofNullable(row.getSettlementReason())
                .map(reason -> new InvoiceView.Settlement(
                        new Money(row.getSettlementReleasedMinor(), currency),
                        new Money(row.getSettlementRetainedMinor(), currency),
                        new Money(row.getSettlementRefundDueMinor(), currency),
                        reason,
                        ReasonArguments.read(row.getSettlementArguments()),
                        row.getSettledAt()));
        return new InvoiceView(
                row.getInvoiceId(),
                row.getClinicId(),
                row.getBranchId(),
                row.getPatientId(),
                Optional.ofNullable(row.getAppointmentId()),
                Optional.ofNullable(row.getNumber()),
                InvoiceStatus.valueOf(row.getStatus()),
                currency,
                record.value2().map(line -> line(line, currency)),
                new Money(row.getSubtotalMinor(), currency),
                new Money(row.getTaxMinor(), currency),
                totals.total(),
                new Money(row.getCreditedMinor(), currency),
                totals.due(),
                new Money(row.getPaidMinor(), currency),
                new Money(row.getRefundedMinor(), currency),
                totals.outstanding(),
                record.value3().map(JooqInvoiceReadModel::entry),
                settlement,
                row.getOpenedAt(),
                Optional.ofNullable(row.getIssuedAt()),
                row.getVersion());
    }

    private static InvoiceView.Line line(InvoiceLineRecord row, String currency) {
        InvoiceLine line = new InvoiceLine(
                row.getLineId(),
                InvoiceLine.Kind.valueOf(row.getKind()),
                row.getDescription(),
                new Money(row.getUnitPriceMinor(), currency),
                row.getQuantity(),
                new TaxRate(row.getTaxBasisPoints()));
        return new InvoiceView.Line(
                line.lineId(),
                line.kind(),
                line.description(),
                line.unitPrice(),
                line.quantity(),
                line.taxRate().basisPoints(),
                line.net(),
                line.tax(),
                line.gross());
    }

    private static InvoiceView.Entry entry(LedgerEntryRecord row) {
        return new InvoiceView.Entry(
                row.getPosition(),
                InvoiceView.EntryKind.valueOf(row.getKind()),
                row.getEntryId(),
                new Money(row.getAmountMinor(), row.getCurrency()),
                Optional.ofNullable(row.getMethod()).map(PaymentMethod::valueOf),
                Optional.ofNullable(row.getPaymentId()),
                Optional.ofNullable(row.getReceiptNumber()),
                Optional.ofNullable(row.getReference()),
                Optional.ofNullable(row.getCreditKind()).map(CreditKind::valueOf),
                Optional.ofNullable(row.getReasonCode()),
                ReasonArguments.read(row.getReasonArguments()),
                row.getPostedAt(),
                row.getPostedBy());
    }

    /** The amounts derived from the row's money: what was issued, what is asked now, what is left. */
    private record Totals(Money total, Money due, Money outstanding) {
        static Totals of(InvoiceViewRecord row) {
            String currency = row.getCurrency();
            long due = row.getTotalMinor() - row.getCreditedMinor();
            long netPaid = row.getPaidMinor() - row.getRefundedMinor();
            return new Totals(
                    new Money(row.getTotalMinor(), currency),
                    new Money(due, currency),
                    new Money(due - netPaid, currency));
        }
    }
}
