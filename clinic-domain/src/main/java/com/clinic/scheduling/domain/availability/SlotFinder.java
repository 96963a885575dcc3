package com.clinic.scheduling.domain.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes free slots: the schedule's working time in the branch zone, minus holidays and time off,
 * plus extra sessions, cut into appointments of the type's length every slot interval, minus
 * whatever is already claimed (with buffers, lane by lane), within the minimum notice and the
 * booking horizon. Nothing is pre-generated.
 *
 * <p>Working intervals are turned into real time per day before slots are cut, and slots advance in
 * real time. On a daylight-saving day a 09:00–13:00 interval is therefore still four real hours, an
 * interval that spans the missing hour is one hour shorter, and no slot is ever produced twice or
 * at a wall-clock time that does not exist. A boundary that falls inside the missing hour is taken
 * as the moment the clocks jump: hours ending at 01:30 on a night when 01:00 jumps to 02:00 end at
 * that jump (01:00 old time, 02:00 new time), and hours lying wholly inside the missing hour are no
 * time at all. {@link ZonedDateTime#of} would instead push such a time forward by the length of the
 * gap, past the end of the doctor's hours.
 *
 * <p>The grid starts at the beginning of each working window (after time off is cut out and adjacent
 * windows are merged), so slot search and {@link #judge booking} always agree on where slots are.
 */
public final class SlotFinder {

    private SlotFinder() {}

    public static List<Slot> find(
            ScheduledDoctor doctor, BookingRules rules, LocalDate from, LocalDate to, Instant now) {
        return find(doctor, new FreeLanes(doctor.claims(), rules.capacity()), rules, from, to, now);
    }

    static List<Slot> find(
            ScheduledDoctor doctor, FreeLanes lanes, BookingRules rules, LocalDate from, LocalDate to, Instant now) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (TimeRange appointment : grid(doctor, rules, date)) {
                if (!rules.admits(appointment.start(), now)) {
                    continue;
                }
                int free = lanes.free(rules.blocked(appointment));
                if (free > 0) {
                    slots.add(new Slot(doctor.doctorId(), doctor.branchId(), appointment, doctor.zone(), free));
                }
            }
        }
        slots.sort(Comparator.comparing(slot -> slot.range().start()));
        return slots;
    }

    /**
     * What booking the type at exactly {@code start} would meet now. Decided on the same grid and
     * lanes as {@link #find}, so a start that search lists is always {@link SlotVerdict#FREE}.
     */
    public static SlotVerdict judge(ScheduledDoctor doctor, BookingRules rules, Instant start, Instant now) {
        if (!rules.admits(start, now)) {
            return SlotVerdict.OUTSIDE_BOOKING_WINDOW;
        }
        LocalDate date = LocalDate.ofInstant(start, doctor.zone());
        // An extra session of the day before may run past midnight; no other day's windows reach this one.
        for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            for (TimeRange appointment : grid(doctor, rules, day)) {
                if (appointment.start().equals(start)) {
                    int free = new FreeLanes(doctor.claims(), rules.capacity()).free(rules.blocked(appointment));
                    return free > 0 ? SlotVerdict.FREE : SlotVerdict.TAKEN;
                }
            }
        }
        return SlotVerdict.OFF_GRID;
    }

    /** Every appointment time the type's grid places in the doctor's working time of one local date. */
    static List<TimeRange> grid(ScheduledDoctor doctor, BookingRules rules, LocalDate date) {
        List<TimeRange> appointments = new ArrayList<>();
        for (TimeRange window : workingWindows(doctor, date)) {
            Instant start = window.start();
            while (!start.plus(rules.duration()).isAfter(window.end())) {
                appointments.add(new TimeRange(start, start.plus(rules.duration())));
                start = start.plus(rules.slotInterval());
            }
        }
        return appointments;
    }

    /** Real-time windows in which the doctor works on one local date. */
    static List<TimeRange> workingWindows(ScheduledDoctor doctor, LocalDate date) {
        ZoneId zone = doctor.zone();
        List<TimeRange> windows = new ArrayList<>();
        if (!doctor.holidays().contains(date)) {
            for (WorkingHours hours : doctor.workingHours()) {
                if (!hours.appliesOn(date)) {
                    continue;
                }
                for (WeeklyInterval interval : hours.intervals()) {
                    if (interval.day() == date.getDayOfWeek()) {
                        real(date, interval.start(), interval.end(), zone).ifPresent(windows::add);
                    }
                }
            }
        }
        for (LocalPeriod extra : doctor.extraSessions()) {
            if (extra.start().toLocalDate().equals(date)) {
                real(extra.start(), extra.end(), zone).ifPresent(windows::add);
            }
        }
        List<TimeRange> result = windows;
        for (LocalPeriod off : doctor.timeOff()) {
            Optional<TimeRange> cut = real(off.start(), off.end(), zone);
            if (cut.isPresent()) {
                result = subtract(result, cut.get());
            }
        }
        return merge(result);
    }

    private static Optional<TimeRange> real(LocalDate date, LocalTime start, LocalTime end, ZoneId zone) {
        return real(date.atTime(start), date.atTime(end), zone);
    }

    /** The real time of a local period; empty when all of it lies in a spring-forward gap. */
    private static Optional<TimeRange> real(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        Instant from = instant(start, zone);
        Instant to = instant(end, zone);
        return from.isBefore(to) ? Optional.of(new TimeRange(from, to)) : Optional.empty();
    }

    /**
     * The instant a branch-local time stands for. A time the clocks skip does not exist; it stands
     * for the jump itself, so a boundary inside the gap neither gains nor loses real working time.
     * A repeated time (autumn) is its first occurrence, as {@link ZonedDateTime#of} has it.
     */
    static Instant instant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
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
