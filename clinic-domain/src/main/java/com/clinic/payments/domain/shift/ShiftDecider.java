package com.clinic.payments.domain.shift;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.shift.ShiftCommand.CloseShift;
import com.clinic.payments.domain.shift.ShiftCommand.OpenShift;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftClosed;
import com.clinic.payments.domain.shift.ShiftEvent.ShiftOpened;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.List;

/**
 * A shift is opened once with a float (zero or more) and closed once with the drawer's count; what
 * was expected in the drawer is the float plus the cash taken less the cash paid out, and the
 * difference is recorded, never hidden.
 */
public final class ShiftDecider implements Decider<ShiftCommand, ShiftEvent, ShiftState> {

    @Override
    public ShiftState initialState() {
        return new ShiftState.Absent();
    }

    @Override
    public List<ShiftEvent> decide(ShiftCommand command, ShiftState state) {
        return switch (command) {
            case OpenShift open -> {
                if (!(state instanceof ShiftState.Absent)) {
                    throw new Rejection.Conflict("shift.already-open");
                }
                if (open.openingFloat().isNegative()) {
                    throw new Rejection.RuleViolated("shift.amount-negative");
                }
                yield List.of(new ShiftOpened(
                        open.shiftId(),
                        open.clinicId(),
                        open.branchId(),
                        open.cashier(),
                        open.openingFloat(),
                        open.at()));
            }
            case CloseShift close ->
                switch (state) {
                    case ShiftState.Absent absent -> throw new Rejection.NotFound("shift.not-found");
                    case ShiftState.Closed closed -> throw new Rejection.Conflict("shift.closed");
                    case ShiftState.Open open -> {
                        if (close.counted().isNegative()
                                || close.cashIn().isNegative()
                                || close.cashOut().isNegative()) {
                            throw new Rejection.RuleViolated("shift.amount-negative");
                        }
                        Money expected =
                                open.openingFloat().plus(close.cashIn()).minus(close.cashOut());
                        yield List.of(new ShiftClosed(
                                close.shiftId(),
                                close.cashIn(),
                                close.cashOut(),
                                expected,
                                close.counted(),
                                close.counted().minus(expected),
                                close.at(),
                                close.by()));
                    }
                };
        };
    }

    @Override
    public ShiftState evolve(ShiftState state, ShiftEvent event) {
        return switch (event) {
            case ShiftOpened opened ->
                new ShiftState.Open(
                        opened.shiftId(),
                        opened.clinicId(),
                        opened.branchId(),
                        opened.cashier(),
                        opened.openingFloat(),
                        opened.at());
            case ShiftClosed closed ->
                new ShiftState.Closed((ShiftState.Open) state, closed.expected(), closed.counted());
        };
    }
}
