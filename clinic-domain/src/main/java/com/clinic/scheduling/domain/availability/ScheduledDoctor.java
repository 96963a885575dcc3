package com.clinic.scheduling.domain.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One doctor at one branch as slot search loads it: the schedule with its exceptions in the branch
 * zone, and every claim on the doctor's time (at any branch, since a doctor is in one place at once).
 */
public record ScheduledDoctor(
        UUID doctorId,
        UUID branchId,
        ZoneId zone,
        List<WorkingHours> workingHours,
        List<LocalPeriod> timeOff,
        List<LocalPeriod> extraSessions,
        Set<LocalDate> holidays,
        List<ClaimedTime> claims) {

    public ScheduledDoctor {
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(zone, "zone");
        workingHours = List.copyOf(workingHours);
        timeOff = List.copyOf(timeOff);
        extraSessions = List.copyOf(extraSessions);
        holidays = Set.copyOf(holidays);
        claims = List.copyOf(claims);
    }

    /** The schedule alone, with nothing taken: the grid of slots before claims are looked at. */
    DoctorAvailability unclaimed() {
        return new DoctorAvailability(
                doctorId, branchId, zone, workingHours, timeOff, extraSessions, holidays, List.of());
    }
}
