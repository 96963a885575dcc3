package com.clinic.payments.domain.shift;

import com.clinic.payments.domain.Money;
import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** What happened to a desk shift. */
public sealed interface ShiftEvent extends DomainEvent {

    UUID shiftId();

    @Override
    default String aggregateId() {
        return shiftId().toString();
    }

    record ShiftOpened(UUID shiftId, UUID clinicId, UUID branchId, UUID cashier, Money openingFloat, Instant at)
            implements ShiftEvent {}

    /** {@code expected} = float + cash in − cash out; {@code difference} = counted − expected (negative: short). */
    record ShiftClosed(
            UUID shiftId,
            Money cashIn,
            Money cashOut,
            Money expected,
            Money counted,
            Money difference,
            Instant at,
            UUID by)
            implements ShiftEvent {}
}
