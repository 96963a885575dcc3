package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.DESK_SHIFT_VIEW;
import static com.clinic.payments.persistence.jooq.Tables.LEDGER_ENTRY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import com.clinic.payments.application.port.CashDrawer;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.payments.persistence.jooq.tables.records.DeskShiftViewRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/** Shifts from desk_shift_view; a drawer's cash summed over the ledger in one statement. */
@Component
class JooqCashDrawer implements CashDrawer {

    private final DSLContext db;

    JooqCashDrawer(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<ShiftView> shift(UUID shiftId) {
        return db.selectFrom(DESK_SHIFT_VIEW)
                .where(DESK_SHIFT_VIEW.SHIFT_ID.eq(shiftId))
                .fetchOptional(JooqCashDrawer::view);
    }

    @Override
    public Optional<ShiftView> openShift(UUID branchId, UUID cashier) {
        return db.selectFrom(DESK_SHIFT_VIEW)
                .where(
                        DESK_SHIFT_VIEW.BRANCH_ID.eq(branchId),
                        DESK_SHIFT_VIEW.CASHIER.eq(cashier),
                        DESK_SHIFT_VIEW.CLOSED_AT.isNull())
                .limit(1)
                .fetchOptional(JooqCashDrawer::view);
    }

    @Override
    public Movements cash(UUID branchId, UUID cashier, String currency, Instant from, Instant to) {
        Field<BigDecimal> in = coalesce(
                sum(when(LEDGER_ENTRY.KIND.eq(InvoiceView.EntryKind.PAYMENT.name()), LEDGER_ENTRY.AMOUNT_MINOR)
                        .otherwise(inline(0L))),
                inline(BigDecimal.ZERO));
        Field<BigDecimal> out = coalesce(
                sum(when(LEDGER_ENTRY.KIND.eq(InvoiceView.EntryKind.REFUND.name()), LEDGER_ENTRY.AMOUNT_MINOR)
                        .otherwise(inline(0L))),
                inline(BigDecimal.ZERO));
        return db.select(in, out)
                .from(LEDGER_ENTRY)
                .where(
                        LEDGER_ENTRY.BRANCH_ID.eq(branchId),
                        LEDGER_ENTRY.POSTED_BY.eq(cashier),
                        LEDGER_ENTRY.METHOD.eq(PaymentMethod.CASH.name()),
                        LEDGER_ENTRY.CURRENCY.eq(currency),
                        LEDGER_ENTRY.POSTED_AT.ge(from),
                        LEDGER_ENTRY.POSTED_AT.lt(to))
                .fetchSingle(row -> new Movements(
                        new Money(row.value1().longValueExact(), currency),
                        new Money(row.value2().longValueExact(), currency)));
    }

    private static ShiftView view(DeskShiftViewRecord row) {
        String currency = row.getCurrency();
        return new ShiftView(
                row.getShiftId(),
                row.getClinicId(),
                row.getBranchId(),
                row.getCashier(),
                new Money(row.getOpeningFloatMinor(), currency),
                row.getOpenedAt(),
                Optional.ofNullable(row.getClosedAt()),
                money(row.getCashInMinor(), currency),
                money(row.getCashOutMinor(), currency),
                money(row.getExpectedMinor(), currency),
                money(row.getCountedMinor(), currency),
                money(row.getDifferenceMinor(), currency),
                row.getVersion());
    }

    private static Optional<Money> money(Long minor, String currency) {
        return Optional.ofNullable(minor).map(amount -> new Money(amount, currency));
    }
}
