package com.clinic.payments.domain.shift;

import com.clinic.payments.domain.Money;
import java.time.Instant;
import java.util.UUID;

/** A desk shift as its events left it. */
public sealed interface ShiftState {

    record Absent() implements ShiftState {}

    record Open(UUID shiftId, UUID clinicId, UUID branchId, UUID cashier, Money openingFloat, Instant openedAt)
            implements ShiftState {}

    record Closed(Open shift, Money expected, Money counted) implements ShiftState {}
}
