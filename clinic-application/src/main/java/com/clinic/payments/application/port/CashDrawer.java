package com.clinic.payments.application.port;

import com.clinic.payments.domain.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: desk shifts as projected, and the cash a cashier moved, from the ledger. */
public interface CashDrawer {

    record ShiftView(
            UUID shiftId,
            UUID clinicId,
            UUID branchId,
            UUID cashier,
            Money openingFloat,
            Instant openedAt,
            Optional<Instant> closedAt,
            Optional<Money> cashIn,
            Optional<Money> cashOut,
            Optional<Money> expected,
            Optional<Money> counted,
            Optional<Money> difference,
            long version) {}

    /** Cash in (payments) and out (refunds) the cashier posted at the branch within [from, to). */
    record Movements(Money cashIn, Money cashOut) {}

    Optional<ShiftView> shift(UUID shiftId);

    /** The cashier's shift at the branch that is not closed yet. */
    Optional<ShiftView> openShift(UUID branchId, UUID cashier);

    Movements cash(UUID branchId, UUID cashier, String currency, Instant from, Instant to);
}
