package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What can be asked of a branch's calendar of closed days. Dates are the branch's local dates. */
public sealed interface BranchCalendarCommand extends AggregateCommand {

    UUID calendarId();

    UUID branchId();

    UUID requestedBy();

    Instant at();

    @Override
    default String aggregateId() {
        return calendarId().toString();
    }

    record DeclareHoliday(
            UUID calendarId, UUID branchId, LocalDate date, BilingualName name, UUID requestedBy, Instant at)
            implements BranchCalendarCommand {}

    record CancelHoliday(UUID calendarId, UUID branchId, LocalDate date, UUID requestedBy, Instant at)
            implements BranchCalendarCommand {}
}
