package com.clinic.payments.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.payments.application.port.CashDrawer;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.shift.ShiftCommand.CloseShift;
import com.clinic.payments.domain.shift.ShiftCommand.OpenShift;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A cashier's shift at the desk: opened with the drawer's float, closed with its count against
 * what the ledger says the cashier took in cash and paid out in cash meanwhile, the difference
 * recorded. One open shift per cashier and branch.
 */
@Service
public class DeskShifts {

    private final Commands commands;
    private final AccessPolicy access;
    private final CashDrawer drawer;
    private final DirectoryFacts directory;
    private final IdGenerator ids;
    private final Clock clock;

    public DeskShifts(
            Commands commands,
            AccessPolicy access,
            CashDrawer drawer,
            DirectoryFacts directory,
            IdGenerator ids,
            Clock clock) {
        this.commands = commands;
        this.access = access;
        this.drawer = drawer;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    public UUID open(Actor actor, UUID branchId, BigDecimal openingFloat) {
        access.requireRole(actor, PaymentsOperation.CASH_DRAWER);
        DirectoryFacts.BranchFacts branch =
                directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        access.require(actor, PaymentsOperation.CASH_DRAWER, Target.branch(branch.clinicId(), branchId));
        if (drawer.openShift(branchId, actor.userId()).isPresent()) {
            throw new Rejection.Conflict("shift.already-open");
        }
        String currency = directory.branchCurrency(branchId).orElseThrow();
        UUID shiftId = ids.next();
        commands.send(new OpenShift(
                shiftId,
                branch.clinicId(),
                branchId,
                actor.userId(),
                Money.of(openingFloat, currency),
                clock.instant()));
        return shiftId;
    }

    public CashDrawer.ShiftView close(Actor actor, UUID shiftId, BigDecimal counted) {
        CashDrawer.ShiftView shift = reachable(actor, shiftId);
        String currency = shift.openingFloat().currency();
        Instant now = clock.instant();
        CashDrawer.Movements cash = drawer.cash(shift.branchId(), shift.cashier(), currency, shift.openedAt(), now);
        Money count = Money.of(counted, currency);
        commands.send(new CloseShift(shiftId, cash.cashIn(), cash.cashOut(), count, now, actor.userId()));
        // What the command decided, told now: the shift's read model follows a moment later.
        Money expected = shift.openingFloat().plus(cash.cashIn()).minus(cash.cashOut());
        return new CashDrawer.ShiftView(
                shiftId,
                shift.clinicId(),
                shift.branchId(),
                shift.cashier(),
                shift.openingFloat(),
                shift.openedAt(),
                Optional.of(now),
                Optional.of(cash.cashIn()),
                Optional.of(cash.cashOut()),
                Optional.of(expected),
                Optional.of(count),
                Optional.of(count.minus(expected)),
                shift.version() + 1);
    }

    public CashDrawer.ShiftView shift(Actor actor, UUID shiftId) {
        return reachable(actor, shiftId);
    }

    private CashDrawer.ShiftView reachable(Actor actor, UUID shiftId) {
        access.requireRole(actor, PaymentsOperation.CASH_DRAWER);
        CashDrawer.ShiftView shift = drawer.shift(shiftId).orElseThrow(() -> new Rejection.NotFound("shift.not-found"));
        access.require(actor, PaymentsOperation.CASH_DRAWER, Target.branch(shift.clinicId(), shift.branchId()));
        return shift;
    }
}
