package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What changed in a branch's calendar: a day closed for every doctor of the branch, or reopened. */
public sealed interface BranchCalendarEvent extends DomainEvent {

    UUID calendarId();

    UUID branchId();

    LocalDate date();

    Instant at();

    @Override
    default String aggregateId() {
        return calendarId().toString();
    }

    record HolidayDeclared(
            UUID calendarId, UUID branchId, LocalDate date, BilingualName name, UUID declaredBy, Instant at)
            implements BranchCalendarEvent {}

    /** The day is a working day again; the holiday's name is kept for the record. */
    record HolidayCancelled(
            UUID calendarId, UUID branchId, LocalDate date, BilingualName name, UUID cancelledBy, Instant at)
            implements BranchCalendarEvent {}
}
