package com.clinic.scheduling.domain.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The earliest free slots across several doctors, honouring booking lanes.
 *
 * <p>{@link SlotFinder} cuts each day's working time into slots (zone, DST, holidays, time off,
 * extra sessions, notice and horizon). Each slot is then checked lane by lane: it is free when at
 * least one lane below the type's capacity has no claim overlapping the slot's blocked time, and
 * its remaining capacity is the number of such lanes. That mirrors exactly what the write side's
 * exclusion constraint will accept, so search neither offers a slot a booking cannot win nor hides
 * one it could.
 *
 * <p>Days are walked in order for all doctors together, and the walk stops a few days after
 * {@code limit} slots are found (zones differ by up to 26 hours, so a later local day of one branch
 * can still hold earlier instants than another's); a two-month search for ten slots computes days,
 * not months.
 */
public final class EarliestSlots {

    /** More than the widest gap between two zones' local midnights, plus a day-long extra session. */
    private static final int SAFETY_DAYS = 3;

    private static final Comparator<Slot> ORDER = Comparator.comparing(
                    (Slot slot) -> slot.range().start())
            .thenComparing(Slot::doctorId)
            .thenComparing(Slot::branchId);

    private EarliestSlots() {}

    public static List<Slot> find(
            List<ScheduledDoctor> doctors, BookingRules rules, LocalDate from, LocalDate to, Instant now, int limit) {
        if (limit < 1 || doctors.isEmpty()) {
            return List.of();
        }
        BookingRules gridOnly = new BookingRules(
                rules.duration(), rules.bufferBefore(), rules.bufferAfter(), rules.minimumNotice(), rules.horizon(), 1);
        // Days entirely before the notice or after the horizon cannot hold a slot in any zone.
        LocalDate first = max(
                from,
                LocalDate.ofInstant(now.plus(rules.minimumNotice()), ZoneOffset.UTC)
                        .minusDays(2));
        LocalDate last = min(
                to,
                LocalDate.ofInstant(now.plus(rules.horizon()), ZoneOffset.UTC).plusDays(2));

        List<Lanes> lanes = doctors.stream().map(d -> new Lanes(d, rules)).toList();
        List<Slot> found = new ArrayList<>();
        LocalDate stop = last;
        boolean enough = false;
        for (LocalDate day = first; !day.isAfter(stop); day = day.plusDays(1)) {
            for (Lanes doctor : lanes) {
                for (Slot slot : SlotFinder.find(doctor.schedule, gridOnly, day, day, now)) {
                    int free = doctor.freeLanes(rules.blocked(slot.range()));
                    if (free > 0) {
                        found.add(new Slot(slot.doctorId(), slot.branchId(), slot.range(), slot.zone(), free));
                    }
                }
            }
            if (!enough && found.size() >= limit) {
                enough = true;
                stop = min(last, day.plusDays(SAFETY_DAYS));
            }
        }
        found.sort(ORDER);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A doctor's claims sorted by start, with the lanes the type may use; claims in other lanes never matter. */
    private static final class Lanes {
        private final DoctorAvailability schedule;
        private final int capacity;
        private final List<ClaimedTime> claims;
        private final Duration longest;

        Lanes(ScheduledDoctor doctor, BookingRules rules) {
            this.schedule = doctor.unclaimed();
            this.capacity = rules.capacity();
            this.claims = doctor.claims().stream()
                    .filter(claim -> claim.lane() < capacity)
                    .sorted(Comparator.comparing(claim -> claim.blocked().start()))
                    .toList();
            this.longest = claims.stream()
                    .map(claim -> claim.blocked().length())
                    .max(Comparator.naturalOrder())
                    .orElse(Duration.ZERO);
        }

        int freeLanes(TimeRange blocked) {
            if (claims.isEmpty()) {
                return capacity;
            }
            boolean[] busy = new boolean[capacity];
            int busyCount = 0;
            // No claim starting before this can reach the blocked range: it would be longer than the longest.
            Instant from = blocked.start().minus(longest);
            for (int i = firstStartingAtOrAfter(from); i < claims.size(); i++) {
                ClaimedTime claim = claims.get(i);
                if (!claim.blocked().start().isBefore(blocked.end())) {
                    break;
                }
                if (claim.blocked().overlaps(blocked) && !busy[claim.lane()]) {
                    busy[claim.lane()] = true;
                    busyCount++;
                }
            }
            return capacity - busyCount;
        }

        private int firstStartingAtOrAfter(Instant instant) {
            int low = 0;
            int high = claims.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (claims.get(mid).blocked().start().isBefore(instant)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
