package com.clinic.scheduling.domain.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes free slots: the schedule's working time in the branch zone, minus holidays and time off,
 * plus extra sessions, cut into appointments of the type's length, minus whatever is already taken
 * (with buffers), within the minimum notice and the booking horizon. Nothing is pre-generated.
 *
 * <p>Working intervals are turned into real time per day before slots are cut, and slots advance in
 * real time. On a daylight-saving day a 09:00–13:00 interval is therefore still four real hours, an
 * interval that spans the missing hour is one hour shorter, and no slot is ever produced twice or
 * at a wall-clock time that does not exist.
 */
public final class SlotFinder {

    private SlotFinder() {}

    public static List<Slot> find(
            DoctorAvailability doctor, BookingRules rules, LocalDate from, LocalDate to, Instant now) {
        Instant earliest = now.plus(rules.minimumNotice());
        Instant latest = now.plus(rules.horizon());
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (TimeRange window : workingWindows(doctor, date)) {
                cut(doctor, rules, window, earliest, latest, slots);
            }
        }
        slots.sort(Comparator.comparing(slot -> slot.range().start()));
        return slots;
    }

    /** Real-time windows in which the doctor works on one local date. */
    static List<TimeRange> workingWindows(DoctorAvailability doctor, LocalDate date) {
        List<TimeRange> windows = new ArrayList<>();
        if (!doctor.holidays().contains(date)) {
            for (WorkingHours hours : doctor.workingHours()) {
                if (!hours.appliesOn(date)) {
                    continue;
                }
                for (WeeklyInterval interval : hours.intervals()) {
                    if (interval.day() == date.getDayOfWeek()) {
                        windows.add(real(doctor, date, interval.start(), interval.end()));
                    }
                }
            }
        }
        for (LocalPeriod extra : doctor.extraSessions()) {
            if (extra.start().toLocalDate().equals(date)) {
                windows.add(real(doctor, extra));
            }
        }
        List<TimeRange> result = windows;
        for (LocalPeriod off : doctor.timeOff()) {
            result = subtract(result, real(doctor, off));
        }
        return merge(result);
    }

    private static void cut(
            DoctorAvailability doctor,
            BookingRules rules,
            TimeRange window,
            Instant earliest,
            Instant latest,
            List<Slot> into) {
        Instant start = window.start();
        while (!start.plus(rules.duration()).isAfter(window.end())) {
            TimeRange appointment = new TimeRange(start, start.plus(rules.duration()));
            if (!start.isBefore(earliest) && !start.isAfter(latest)) {
                TimeRange blocked = rules.blocked(appointment);
                int overlapping = 0;
                for (TimeRange taken : doctor.taken()) {
                    if (taken.overlaps(blocked)) {
                        overlapping++;
                    }
                }
                if (overlapping < rules.capacity()) {
                    into.add(new Slot(
                            doctor.doctorId(),
                            doctor.branchId(),
                            appointment,
                            doctor.zone(),
                            rules.capacity() - overlapping));
                }
            }
            start = start.plus(rules.duration());
        }
    }

    private static TimeRange real(
            DoctorAvailability doctor, LocalDate date, java.time.LocalTime start, java.time.LocalTime end) {
        return new TimeRange(
                ZonedDateTime.of(date, start, doctor.zone()).toInstant(),
                ZonedDateTime.of(date, end, doctor.zone()).toInstant());
    }

    private static TimeRange real(DoctorAvailability doctor, LocalPeriod period) {
        return new TimeRange(
                ZonedDateTime.of(period.start(), doctor.zone()).toInstant(),
                ZonedDateTime.of(period.end(), doctor.zone()).toInstant());
    }

    static List<TimeRange> subtract(List<TimeRange> ranges, TimeRange cut) {
        List<TimeRange> result = new ArrayList<>();
        for (TimeRange range : ranges) {
            if (!range.overlaps(cut)) {
                result.add(range);
                continue;
            }
            if (range.start().isBefore(cut.start())) {
                result.add(new TimeRange(range.start(), cut.start()));
            }
            if (cut.end().isBefore(range.end())) {
                result.add(new TimeRange(cut.end(), range.end()));
            }
        }
        return result;
    }

    static List<TimeRange> merge(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange range : sorted) {
            if (!merged.isEmpty() && !merged.getLast().end().isBefore(range.start())) {
                TimeRange last = merged.removeLast();
                merged.add(new TimeRange(last.start(), last.end().isAfter(range.end()) ? last.end() : range.end()));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
