package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.CancelHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.DeclareHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import com.clinic.scheduling.domain.availability.BranchCalendarState.Active;
import com.clinic.scheduling.domain.availability.BranchCalendarState.None;
import java.util.List;
import java.util.Map;

/**
 * The rules of a branch's holidays: one holiday per date; declaring the same holiday again is a
 * harmless retry, declaring a different one on a taken date is a conflict (cancel it first).
 */
public final class BranchCalendarDecider
        implements Decider<BranchCalendarCommand, BranchCalendarEvent, BranchCalendarState> {

    @Override
    public BranchCalendarState initialState() {
        return new None();
    }

    @Override
    public List<BranchCalendarEvent> decide(BranchCalendarCommand command, BranchCalendarState state) {
        Active calendar = calendarOf(state, command);
        return switch (command) {
            case DeclareHoliday declare -> declare(declare, calendar);
            case CancelHoliday cancel -> cancel(cancel, calendar);
        };
    }

    @Override
    public BranchCalendarState evolve(BranchCalendarState state, BranchCalendarEvent event) {
        Active current = state instanceof Active active ? active : new Active(event.branchId(), Map.of());
        return switch (event) {
            case HolidayDeclared declared -> current.plus(declared.date(), declared.name());
            case HolidayCancelled cancelled -> current.minus(cancelled.date());
        };
    }

    private static List<BranchCalendarEvent> declare(DeclareHoliday declare, Active calendar) {
        BilingualName existing = calendar.holidays().get(declare.date());
        if (existing != null) {
            if (existing.equals(declare.name())) {
                return List.of();
            }
            throw new Rejection.Conflict("calendar.holiday-exists", declare.date());
        }
        return List.of(new HolidayDeclared(
                declare.calendarId(),
                calendar.branchId(),
                declare.date(),
                declare.name(),
                declare.requestedBy(),
                declare.at()));
    }

    private static List<BranchCalendarEvent> cancel(CancelHoliday cancel, Active calendar) {
        BilingualName existing = calendar.holidays().get(cancel.date());
        if (existing == null) {
            throw new Rejection.NotFound("calendar.holiday-not-found", cancel.date());
        }
        return List.of(new HolidayCancelled(
                cancel.calendarId(), calendar.branchId(), cancel.date(), existing, cancel.requestedBy(), cancel.at()));
    }

    private static Active calendarOf(BranchCalendarState state, BranchCalendarCommand command) {
        return switch (state) {
            case None none -> new Active(command.branchId(), Map.of());
            case Active active when active.branchId().equals(command.branchId()) -> active;
            case Active active -> throw new Rejection.Conflict("calendar.identity-mismatch");
        };
    }
}
