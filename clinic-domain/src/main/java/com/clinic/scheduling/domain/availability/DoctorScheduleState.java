package com.clinic.scheduling.domain.availability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A doctor's schedule at one branch: weekly patterns plus dated exceptions, keyed by their ids. */
public sealed interface DoctorScheduleState {

    record None() implements DoctorScheduleState {}

    record Defined(
            UUID doctorId,
            UUID branchId,
            List<WorkingHours> workingHours,
            Map<UUID, LocalPeriod> timeOff,
            Map<UUID, LocalPeriod> extraSessions)
            implements DoctorScheduleState {

        public Defined {
            workingHours = List.copyOf(workingHours);
            // Insertion order is kept so that the state lists exceptions in the order they were added.
            timeOff = Collections.unmodifiableMap(new LinkedHashMap<>(timeOff));
            extraSessions = Collections.unmodifiableMap(new LinkedHashMap<>(extraSessions));
        }

        static Defined empty(UUID doctorId, UUID branchId) {
            return new Defined(doctorId, branchId, List.of(), Map.of(), Map.of());
        }

        Defined withWorkingHours(List<WorkingHours> hours) {
            return new Defined(doctorId, branchId, hours, timeOff, extraSessions);
        }

        Defined plusTimeOff(UUID id, LocalPeriod period) {
            Map<UUID, LocalPeriod> next = new LinkedHashMap<>(timeOff);
            next.put(id, period);
            return new Defined(doctorId, branchId, workingHours, next, extraSessions);
        }

        Defined minusTimeOff(UUID id) {
            Map<UUID, LocalPeriod> next = new LinkedHashMap<>(timeOff);
            next.remove(id);
            return new Defined(doctorId, branchId, workingHours, next, extraSessions);
        }

        Defined plusExtraSession(UUID id, LocalPeriod period) {
            Map<UUID, LocalPeriod> next = new LinkedHashMap<>(extraSessions);
            next.put(id, period);
            return new Defined(doctorId, branchId, workingHours, timeOff, next);
        }

        Defined minusExtraSession(UUID id) {
            Map<UUID, LocalPeriod> next = new LinkedHashMap<>(extraSessions);
            next.remove(id);
            return new Defined(doctorId, branchId, workingHours, timeOff, next);
        }
    }
}
