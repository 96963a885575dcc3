package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What changed in a doctor's schedule at a branch. Every event names the doctor and the branch, so
 * read models and the waiting list can act on one event without reading the others.
 */
public sealed interface DoctorScheduleEvent extends DomainEvent {

    UUID scheduleId();

    UUID doctorId();

    UUID branchId();

    Instant at();

    @Override
    default String aggregateId() {
        return scheduleId().toString();
    }

    /** The weekly patterns now in force, and the ones they replaced (empty for a new schedule). */
    record WorkingHoursDefined(
            UUID scheduleId,
            UUID doctorId,
            UUID branchId,
            List<WorkingHours> workingHours,
            List<WorkingHours> replaced,
            UUID definedBy,
            Instant at)
            implements DoctorScheduleEvent {

        public WorkingHoursDefined {
            workingHours = List.copyOf(workingHours);
            replaced = List.copyOf(replaced);
        }
    }

    record TimeOffAdded(
            UUID scheduleId, UUID doctorId, UUID branchId, UUID timeOffId, LocalPeriod period, UUID addedBy, Instant at)
            implements DoctorScheduleEvent {}

    /** The doctor is available again during {@code period} (if the weekly pattern says so). */
    record TimeOffRemoved(
            UUID scheduleId,
            UUID doctorId,
            UUID branchId,
            UUID timeOffId,
            LocalPeriod period,
            UUID removedBy,
            Instant at)
            implements DoctorScheduleEvent {}

    record ExtraSessionAdded(
            UUID scheduleId, UUID doctorId, UUID branchId, UUID sessionId, LocalPeriod period, UUID addedBy, Instant at)
            implements DoctorScheduleEvent {}

    record ExtraSessionRemoved(
            UUID scheduleId,
            UUID doctorId,
            UUID branchId,
            UUID sessionId,
            LocalPeriod period,
            UUID removedBy,
            Instant at)
            implements DoctorScheduleEvent {}
}
