package com.clinic.scheduling.domain.availability;

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
 * extra sessions, notice and horizon) and checks each lane by lane ({@link FreeLanes}): a slot is
 * free when at least one lane below the type's capacity has no claim overlapping its blocked time.
 * That mirrors exactly what the write side's exclusion constraint will accept, so search neither
 * offers a slot a booking cannot win nor hides one it could. Each doctor's claims are sorted once
 * for the whole walk.
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
        // Days entirely before the notice or after the horizon cannot hold a slot in any zone.
        LocalDate first = max(
                from,
                LocalDate.ofInstant(now.plus(rules.minimumNotice()), ZoneOffset.UTC)
                        .minusDays(2));
        LocalDate last = min(
                to,
                LocalDate.ofInstant(now.plus(rules.horizon()), ZoneOffset.UTC).plusDays(2));

        List<FreeLanes> lanes = doctors.stream()
                .map(doctor -> new FreeLanes(doctor.claims(), rules.capacity()))
                .toList();
        List<Slot> found = new ArrayList<>();
        LocalDate stop = last;
        boolean enough = false;
        for (LocalDate day = first; !day.isAfter(stop); day = day.plusDays(1)) {
            for (int i = 0; i < doctors.size(); i++) {
                found.addAll(SlotFinder.find(doctors.get(i), lanes.get(i), rules, day, day, now));
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
}
