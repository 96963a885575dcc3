package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.util.List;
import java.util.UUID;

/** A doctor's schedule at a branch as the read model shows it; {@code version} is the ETag. */
public record ScheduleView(
        UUID scheduleId,
        UUID doctorId,
        UUID branchId,
        List<WorkingHours> workingHours,
        List<Entry> timeOff,
        List<Entry> extraSessions,
        long version) {

    public ScheduleView {
        workingHours = List.copyOf(workingHours);
        timeOff = List.copyOf(timeOff);
        extraSessions = List.copyOf(extraSessions);
    }

    /** A dated exception, with the id used to remove it. */
    public record Entry(UUID id, LocalPeriod period) {}
}
