package com.clinic.scheduling.domain.availability;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The holidays of one branch, by date. */
public sealed interface BranchCalendarState {

    record None() implements BranchCalendarState {}

    record Active(UUID branchId, Map<LocalDate, BilingualName> holidays) implements BranchCalendarState {

        public Active {
            holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
        }

        Active plus(LocalDate date, BilingualName name) {
            Map<LocalDate, BilingualName> next = new TreeMap<>(holidays);
            next.put(date, name);
            return new Active(branchId, next);
        }

        Active minus(LocalDate date) {
            Map<LocalDate, BilingualName> next = new TreeMap<>(holidays);
            next.remove(date);
            return new Active(branchId, next);
        }
    }
}
