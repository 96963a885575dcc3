package com.clinic.scheduling.domain.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything slot search needs to know about one doctor at one branch: the weekly patterns, time off,
 * extra sessions, the branch's holidays and zone, and the real time already taken (bookings and
 * live holds, buffers included).
 */
public record DoctorAvailability(
        UUID doctorId,
        UUID branchId,
        ZoneId zone,
        List<WorkingHours> workingHours,
        List<LocalPeriod> timeOff,
        List<LocalPeriod> extraSessions,
        Set<LocalDate> holidays,
        List<TimeRange> taken) {

    public DoctorAvailability {
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(zone, "zone");
        workingHours = List.copyOf(workingHours);
        timeOff = List.copyOf(timeOff);
        extraSessions = List.copyOf(extraSessions);
        holidays = Set.copyOf(holidays);
        taken = List.copyOf(taken);
    }
}
