package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.AggregateCommand;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What can be asked of one doctor's schedule at one branch. Everything is in the branch's local
 * time; identifiers of new entries and the time of the request arrive in the command.
 */
public sealed interface DoctorScheduleCommand extends AggregateCommand {

    UUID scheduleId();

    UUID requestedBy();

    Instant at();

    @Override
    default String aggregateId() {
        return scheduleId().toString();
    }

    /** Replaces every weekly pattern of the schedule; the patterns must not be valid on the same day. */
    record DefineWorkingHours(
            UUID scheduleId,
            UUID doctorId,
            UUID branchId,
            List<WorkingHours> workingHours,
            UUID requestedBy,
            Instant at)
            implements DoctorScheduleCommand {

        public DefineWorkingHours {
            workingHours = List.copyOf(workingHours);
        }
    }

    record AddTimeOff(
            UUID scheduleId,
            UUID doctorId,
            UUID branchId,
            UUID timeOffId,
            LocalPeriod period,
            UUID requestedBy,
            Instant at)
            implements DoctorScheduleCommand {}

    record RemoveTimeOff(UUID scheduleId, UUID timeOffId, UUID requestedBy, Instant at)
            implements DoctorScheduleCommand {}

    /** Working time outside the weekly pattern, e.g. a Saturday clinic; at most one day long. */
    record AddExtraSession(
            UUID scheduleId,
            UUID doctorId,
            UUID branchId,
            UUID sessionId,
            LocalPeriod period,
            UUID requestedBy,
            Instant at)
            implements DoctorScheduleCommand {}

    record RemoveExtraSession(UUID scheduleId, UUID sessionId, UUID requestedBy, Instant at)
            implements DoctorScheduleCommand {}
}
