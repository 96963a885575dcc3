package com.clinic.scheduling.rest.availability;

import com.clinic.scheduling.application.availability.ScheduleView;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A doctor's schedule at a branch, in the same shape the PUT takes, plus the dated exceptions with their ids. */
record ScheduleResponse(
        UUID scheduleId,
        UUID doctorId,
        UUID branchId,
        List<Pattern> workingHours,
        List<Entry> timeOff,
        List<Entry> extraSessions,
        long version) {

    record Interval(DayOfWeek day, LocalTime start, LocalTime end) {}

    record Pattern(LocalDate effectiveFrom, LocalDate effectiveTo, List<Interval> intervals) {}

    record Entry(UUID id, LocalDateTime start, LocalDateTime end) {}

    static ScheduleResponse of(ScheduleView view) {
        return new ScheduleResponse(
                view.scheduleId(),
                view.doctorId(),
                view.branchId(),
                view.workingHours().stream().map(ScheduleResponse::pattern).toList(),
                view.timeOff().stream().map(ScheduleResponse::entry).toList(),
                view.extraSessions().stream().map(ScheduleResponse::entry).toList(),
                view.version());
    }

    private static Pattern pattern(WorkingHours hours) {
        return new Pattern(
                hours.effectiveFrom(),
                hours.effectiveTo().orElse(null),
                hours.intervals().stream().map(ScheduleResponse::interval).toList());
    }

    private static Interval interval(WeeklyInterval interval) {
        return new Interval(interval.day(), interval.start(), interval.end());
    }

    private static Entry entry(ScheduleView.Entry entry) {
        return new Entry(entry.id(), entry.period().start(), entry.period().end());
    }
}
