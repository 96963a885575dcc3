package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.DESK_SHIFT_VIEW;

import com.clinic.payments.domain.shift.ShiftEvent.ShiftClosed;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds desk_shift_view; a closing only ever moves a row forward in version. */
@Component
@ProcessingGroup("payments-desk-shifts")
class ShiftProjection {

    private final DSLContext db;

    ShiftProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(ShiftOpened event, @SequenceNumber long version) {
        db.insertInto(DESK_SHIFT_VIEW)
                .set(DESK_SHIFT_VIEW.SHIFT_ID, event.shiftId())
                .set(DESK_SHIFT_VIEW.CLINIC_ID, event.clinicId())
                .set(DESK_SHIFT_VIEW.BRANCH_ID, event.branchId())
                .set(DESK_SHIFT_VIEW.CASHIER, event.cashier())
                .set(DESK_SHIFT_VIEW.CURRENCY, event.openingFloat().currency())
                .set(DESK_SHIFT_VIEW.OPENING_FLOAT_MINOR, event.openingFloat().minor())
                .set(DESK_SHIFT_VIEW.OPENED_AT, event.at())
                .set(DESK_SHIFT_VIEW.VERSION, version)
                .onConflict(DESK_SHIFT_VIEW.SHIFT_ID)
                .doNothing()
                .execute();
    }

    @EventHandler
    void on(ShiftClosed event, @SequenceNumber long version) {
        db.update(DESK_SHIFT_VIEW)
                .set(DESK_SHIFT_VIEW.CLOSED_AT, event.at())
                .set(DESK_SHIFT_VIEW.CASH_IN_MINOR, event.cashIn().minor())
                .set(DESK_SHIFT_VIEW.CASH_OUT_MINOR, event.cashOut().minor())
                .set(DESK_SHIFT_VIEW.EXPECTED_MINOR, event.expected().minor())
                .set(DESK_SHIFT_VIEW.COUNTED_MINOR, event.counted().minor())
                .set(DESK_SHIFT_VIEW.DIFFERENCE_MINOR, event.difference().minor())
                .set(DESK_SHIFT_VIEW.VERSION, version)
                .where(DESK_SHIFT_VIEW.SHIFT_ID.eq(event.shiftId()), DESK_SHIFT_VIEW.VERSION.lt(version))
                .execute();
    }

    @ResetHandler
    void reset() {
        db.truncate(DESK_SHIFT_VIEW).execute();
    }
}
