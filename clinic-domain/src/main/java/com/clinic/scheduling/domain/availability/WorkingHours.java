package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A weekly pattern valid from {@code effectiveFrom} up to and including {@code effectiveTo} (open
 * ended when absent). A new pattern can be planned ahead without touching the current one.
 */
public record WorkingHours(List<WeeklyInterval> intervals, LocalDate effectiveFrom, Optional<LocalDate> effectiveTo) {

    public WorkingHours {
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        if (effectiveTo.isPresent() && effectiveTo.get().isBefore(effectiveFrom)) {
            throw new Rejection.RuleViolated("schedule.effective-range-inverted", effectiveFrom, effectiveTo.get());
        }
        for (int i = 0; i < intervals.size(); i++) {
            for (int j = i + 1; j < intervals.size(); j++) {
                if (intervals.get(i).overlaps(intervals.get(j))) {
                    throw new Rejection.RuleViolated(
                            "schedule.intervals-overlap", intervals.get(i).day());
                }
            }
        }
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(effectiveFrom)
                && effectiveTo.map(to -> !date.isAfter(to)).orElse(true);
    }

    boolean overlapsPeriod(WorkingHours other) {
        LocalDate thisEnd = effectiveTo.orElse(LocalDate.MAX);
        LocalDate otherEnd = other.effectiveTo.orElse(LocalDate.MAX);
        return !effectiveFrom.isAfter(otherEnd) && !other.effectiveFrom.isAfter(thisEnd);
    }

    /** Rejects a set of patterns in which two are valid on the same day: a day must have one pattern. */
    public static void requireDisjoint(List<WorkingHours> periods) {
        for (int i = 0; i < periods.size(); i++) {
            for (int j = i + 1; j < periods.size(); j++) {
                if (periods.get(i).overlapsPeriod(periods.get(j))) {
                    throw new Rejection.RuleViolated(
                            "schedule.periods-overlap",
                            periods.get(i).effectiveFrom(),
                            periods.get(j).effectiveFrom());
                }
            }
        }
    }
}
