package com.clinic.scheduling.application.availability;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.CancelHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.DeclareHoliday;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.AddExtraSession;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.AddTimeOff;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.DefineWorkingHours;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.RemoveExtraSession;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.RemoveTimeOff;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Doctors' schedules and branch holidays. ADMIN, the clinic's MANAGER or a RECEPTIONIST of the
 * branch edit them; a doctor may read their own schedule. Schedules are only kept for doctors the
 * directory places at the branch.
 */
@Service
public class ScheduleService {

    /** At most this many days of holidays are listed at once. */
    public static final int MAX_HOLIDAY_RANGE_DAYS = 731;

    private final Commands commands;
    private final AvailabilityReadModel readModel;
    private final DirectoryFacts directory;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccessPolicy access;

    ScheduleService(
            Commands commands,
            AvailabilityReadModel readModel,
            DirectoryFacts directory,
            IdGenerator ids,
            Clock clock,
            AccessPolicy access) {
        this.access = access;
        this.commands = commands;
        this.readModel = readModel;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a client's precondition asks for: any state, an exact version (If-Match), or no schedule yet. */
    public sealed interface Precondition {
        record Any() implements Precondition {}

        record Version(long version) implements Precondition {}

        record NoneYet() implements Precondition {}
    }

    /** An added exception's id, and the schedule's version afterwards. */
    public record Added(UUID id, long version) {}

    /** Replaces all weekly patterns of the doctor at the branch; returns the new version. */
    public long defineWorkingHours(
            Actor actor, UUID doctorId, UUID branchId, List<WorkingHours> workingHours, Precondition precondition) {
        editableBranch(actor, branchId);
        requireDoctorAt(doctorId, branchId);
        return commands.send(
                new DefineWorkingHours(
                        AvailabilityIds.scheduleId(doctorId, branchId),
                        doctorId,
                        branchId,
                        workingHours,
                        actor.userId(),
                        clock.instant()),
                expected(precondition));
    }

    public Added addTimeOff(
            Actor actor, UUID doctorId, UUID branchId, LocalPeriod period, Optional<Long> expectedVersion) {
        editableBranch(actor, branchId);
        requireDoctorAt(doctorId, branchId);
        UUID timeOffId = ids.next();
        long version = commands.send(
                new AddTimeOff(
                        AvailabilityIds.scheduleId(doctorId, branchId),
                        doctorId,
                        branchId,
                        timeOffId,
                        period,
                        actor.userId(),
                        clock.instant()),
                expectedVersion);
        return new Added(timeOffId, version);
    }

    public long removeTimeOff(
            Actor actor, UUID doctorId, UUID branchId, UUID timeOffId, Optional<Long> expectedVersion) {
        editableBranch(actor, branchId);
        return commands.send(
                new RemoveTimeOff(
                        AvailabilityIds.scheduleId(doctorId, branchId), timeOffId, actor.userId(), clock.instant()),
                expectedVersion);
    }

    public Added addExtraSession(
            Actor actor, UUID doctorId, UUID branchId, LocalPeriod period, Optional<Long> expectedVersion) {
        editableBranch(actor, branchId);
        requireDoctorAt(doctorId, branchId);
        UUID sessionId = ids.next();
        long version = commands.send(
                new AddExtraSession(
                        AvailabilityIds.scheduleId(doctorId, branchId),
                        doctorId,
                        branchId,
                        sessionId,
                        period,
                        actor.userId(),
                        clock.instant()),
                expectedVersion);
        return new Added(sessionId, version);
    }

    public long removeExtraSession(
            Actor actor, UUID doctorId, UUID branchId, UUID sessionId, Optional<Long> expectedVersion) {
        editableBranch(actor, branchId);
        return commands.send(
                new RemoveExtraSession(
                        AvailabilityIds.scheduleId(doctorId, branchId), sessionId, actor.userId(), clock.instant()),
                expectedVersion);
    }

    public ScheduleView schedule(Actor actor, UUID doctorId, UUID branchId) {
        access.requireRole(actor, SchedulingOperation.READ_SCHEDULES);
        BranchFacts branch = branch(branchId);
        access.require(
                actor,
                SchedulingOperation.READ_SCHEDULES,
                Target.branch(branch.clinicId(), branch.branchId()).ofDoctor(doctorId));
        return readModel.schedule(doctorId, branchId).orElseThrow(() -> new Rejection.NotFound("schedule.not-found"));
    }

    public void declareHoliday(Actor actor, UUID branchId, LocalDate date, BilingualName name) {
        editableBranch(actor, branchId);
        commands.send(new DeclareHoliday(
                AvailabilityIds.calendarId(branchId), branchId, date, name, actor.userId(), clock.instant()));
    }

    public void cancelHoliday(Actor actor, UUID branchId, LocalDate date) {
        editableBranch(actor, branchId);
        commands.send(new CancelHoliday(
                AvailabilityIds.calendarId(branchId), branchId, date, actor.userId(), clock.instant()));
    }

    /** Public knowledge: any signed-in user may see when a branch is closed. */
    public List<HolidayView> holidays(UUID branchId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_HOLIDAY_RANGE_DAYS).isBefore(to)) {
            throw new Rejection.RuleViolated("holidays.range-invalid", MAX_HOLIDAY_RANGE_DAYS);
        }
        branch(branchId);
        return readModel.holidays(branchId, from, to);
    }

    private BranchFacts branch(UUID branchId) {
        return directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
    }

    private BranchFacts editableBranch(Actor actor, UUID branchId) {
        access.requireRole(actor, SchedulingOperation.EDIT_SCHEDULES);
        BranchFacts branch = branch(branchId);
        access.require(actor, SchedulingOperation.EDIT_SCHEDULES, Target.branch(branch.clinicId(), branch.branchId()));
        return branch;
    }

    private void requireDoctorAt(UUID doctorId, UUID branchId) {
        if (!directory.worksAt(doctorId, branchId)) {
            throw new Rejection.RuleViolated("schedule.doctor-not-at-branch");
        }
    }

    private static Optional<Long> expected(Precondition precondition) {
        return switch (precondition) {
            case Precondition.Any any -> Optional.empty();
            case Precondition.Version version -> Optional.of(version.version());
            case Precondition.NoneYet none -> Optional.of(Preconditions.MUST_NOT_EXIST);
        };
    }
}
