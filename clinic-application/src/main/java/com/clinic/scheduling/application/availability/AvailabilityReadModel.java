package com.clinic.scheduling.application.availability;

import com.clinic.scheduling.domain.availability.ScheduledDoctor;
import com.clinic.scheduling.domain.availability.TimeRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: schedules, holidays and the claimed time slot search works from (read models plus claims). */
public interface AvailabilityReadModel {

    /**
     * The processing group of the projection that builds schedules and holidays: whoever reads them
     * right after a schedule or calendar event waits for this one ({@code ReadModelBarrier#awaitHandled}).
     */
    String PROJECTION = "scheduling-availability";

    /**
     * Whose slots to look for: one doctor (at one branch, or at each branch they have a schedule
     * at), or the doctors of a specialty at a branch; always only branches of the type's clinic,
     * active doctors and doctors the directory still places at the branch.
     */
    record SlotCriteria(Optional<UUID> doctorId, Optional<String> specialty, Optional<UUID> branchId, UUID clinicId) {}

    Optional<ScheduleView> schedule(UUID doctorId, UUID branchId);

    /** Holidays of the branch between the two dates, inclusive, by date. */
    List<HolidayView> holidays(UUID branchId, LocalDate from, LocalDate to);

    /**
     * Every matching doctor and branch with the schedule rows that apply between the local dates
     * {@code from} and {@code to}, and the doctor's claims overlapping {@code claimed}; in a
     * fixed number of round trips to the database (two) whatever the number of doctors.
     */
    List<ScheduledDoctor> scheduledDoctors(SlotCriteria criteria, LocalDate from, LocalDate to, TimeRange claimed);
}
