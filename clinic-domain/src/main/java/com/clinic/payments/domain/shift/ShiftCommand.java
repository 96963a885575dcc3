package com.clinic.payments.domain.shift;

import com.clinic.payments.domain.Money;
import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.UUID;

/** What can be asked of a desk shift. */
public sealed interface ShiftCommand extends AggregateCommand {

    UUID shiftId();

    @Override
    default String aggregateId() {
        return shiftId().toString();
    }

    /** The cashier opens the drawer with this much cash in it. */
    record OpenShift(UUID shiftId, UUID clinicId, UUID branchId, UUID cashier, Money openingFloat, Instant at)
            implements ShiftCommand {}

    /**
     * The drawer is counted: {@code cashIn} and {@code cashOut} are the cash payments and refunds the
     * cashier posted during the shift (from the ledger), {@code counted} what is in the drawer.
     */
    record CloseShift(UUID shiftId, Money cashIn, Money cashOut, Money counted, Instant at, UUID by)
            implements ShiftCommand {}
}
