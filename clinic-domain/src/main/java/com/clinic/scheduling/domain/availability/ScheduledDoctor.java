package com.clinic.scheduling.domain.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything slot search needs to know about one doctor at one branch: the weekly patterns, time off
 * and extra sessions in the branch zone, the branch's holidays, and every claim on the doctor's time
 * (at any branch, since a doctor is in one place at once), buffers included, by booking lane.
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
}
