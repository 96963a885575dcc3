package com.clinic.scheduling.domain.availability;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.AddExtraSession;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.AddTimeOff;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.DefineWorkingHours;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.RemoveExtraSession;
import com.clinic.scheduling.domain.availability.DoctorScheduleCommand.RemoveTimeOff;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionRemoved;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffRemoved;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.WorkingHoursDefined;
import com.clinic.scheduling.domain.availability.DoctorScheduleState.Defined;
import com.clinic.scheduling.domain.availability.DoctorScheduleState.None;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of a doctor's schedule at one branch. Weekly patterns are replaced as a whole (one
 * pattern per day at most); time off and extra sessions are dated exceptions added and removed one
 * by one. Repeating a command that already took effect changes nothing, so retries are harmless.
 */
public final class DoctorScheduleDecider
        implements Decider<DoctorScheduleCommand, DoctorScheduleEvent, DoctorScheduleState> {

    /** Plenty for years of planned changes, small enough that slot search never loads a huge schedule. */
    public static final int MAX_PERIODS = 24;

    public static final Duration MAX_TIME_OFF = Duration.ofDays(366);
    public static final Duration MAX_EXTRA_SESSION = Duration.ofHours(24);

    @Override
    public DoctorScheduleState initialState() {
        return new None();
    }

    @Override
    public List<DoctorScheduleEvent> decide(DoctorScheduleCommand command, DoctorScheduleState state) {
        return switch (command) {
            case DefineWorkingHours define -> define(define, state);
            case AddTimeOff add -> addTimeOff(add, state);
            case RemoveTimeOff remove -> removeTimeOff(remove, state);
            case AddExtraSession add -> addExtraSession(add, state);
            case RemoveExtraSession remove -> removeExtraSession(remove, state);
        };
    }

    @Override
    public DoctorScheduleState evolve(DoctorScheduleState state, DoctorScheduleEvent event) {
        Defined current =
                state instanceof Defined defined ? defined : Defined.empty(event.doctorId(), event.branchId());
        return switch (event) {
            case WorkingHoursDefined defined -> current.withWorkingHours(defined.workingHours());
            case TimeOffAdded added -> current.plusTimeOff(added.timeOffId(), added.period());
            case TimeOffRemoved removed -> current.minusTimeOff(removed.timeOffId());
            case ExtraSessionAdded added -> current.plusExtraSession(added.sessionId(), added.period());
            case ExtraSessionRemoved removed -> current.minusExtraSession(removed.sessionId());
        };
    }

    private static List<DoctorScheduleEvent> define(DefineWorkingHours define, DoctorScheduleState state) {
        Defined current = existingOrNew(state, define.doctorId(), define.branchId());
        if (define.workingHours().size() > MAX_PERIODS) {
            throw new Rejection.RuleViolated("schedule.too-many-periods", MAX_PERIODS);
        }
        WorkingHours.requireDisjoint(define.workingHours());
        List<WorkingHours> normalized = normalize(define.workingHours());
        if (state instanceof Defined && normalized.equals(current.workingHours())) {
            return List.of();
        }
        return List.of(new WorkingHoursDefined(
                define.scheduleId(),
                current.doctorId(),
                current.branchId(),
                normalized,
                current.workingHours(),
                define.requestedBy(),
                define.at()));
    }

    private static List<DoctorScheduleEvent> addTimeOff(AddTimeOff add, DoctorScheduleState state) {
        Defined current = existingOrNew(state, add.doctorId(), add.branchId());
        if (length(add.period()).compareTo(MAX_TIME_OFF) > 0) {
            throw new Rejection.RuleViolated("schedule.time-off-too-long", MAX_TIME_OFF.toDays());
        }
        if (isRetry(current.timeOff(), add.timeOffId(), add.period())) {
            return List.of();
        }
        requireNoOverlap(current.timeOff(), add.period(), "schedule.time-off-overlaps");
        return List.of(new TimeOffAdded(
                add.scheduleId(),
                current.doctorId(),
                current.branchId(),
                add.timeOffId(),
                add.period(),
                add.requestedBy(),
                add.at()));
    }

    private static List<DoctorScheduleEvent> removeTimeOff(RemoveTimeOff remove, DoctorScheduleState state) {
        Defined current = existing(state);
        LocalPeriod period = current.timeOff().get(remove.timeOffId());
        if (period == null) {
            throw new Rejection.NotFound("schedule.time-off-not-found");
        }
        return List.of(new TimeOffRemoved(
                remove.scheduleId(),
                current.doctorId(),
                current.branchId(),
                remove.timeOffId(),
                period,
                remove.requestedBy(),
                remove.at()));
    }

    private static List<DoctorScheduleEvent> addExtraSession(AddExtraSession add, DoctorScheduleState state) {
        Defined current = existingOrNew(state, add.doctorId(), add.branchId());
        if (length(add.period()).compareTo(MAX_EXTRA_SESSION) > 0) {
            throw new Rejection.RuleViolated("schedule.extra-session-too-long", MAX_EXTRA_SESSION.toHours());
        }
        if (isRetry(current.extraSessions(), add.sessionId(), add.period())) {
            return List.of();
        }
        requireNoOverlap(current.extraSessions(), add.period(), "schedule.extra-session-overlaps");
        return List.of(new ExtraSessionAdded(
                add.scheduleId(),
                current.doctorId(),
                current.branchId(),
                add.sessionId(),
                add.period(),
                add.requestedBy(),
                add.at()));
    }

    private static List<DoctorScheduleEvent> removeExtraSession(RemoveExtraSession remove, DoctorScheduleState state) {
        Defined current = existing(state);
        LocalPeriod period = current.extraSessions().get(remove.sessionId());
        if (period == null) {
            throw new Rejection.NotFound("schedule.extra-session-not-found");
        }
        return List.of(new ExtraSessionRemoved(
                remove.scheduleId(),
                current.doctorId(),
                current.branchId(),
                remove.sessionId(),
                period,
                remove.requestedBy(),
                remove.at()));
    }

    private static Defined existing(DoctorScheduleState state) {
        return switch (state) {
            case Defined defined -> defined;
            case None none -> throw new Rejection.NotFound("schedule.not-found");
        };
    }

    /** A schedule is identified by its doctor and branch; a command naming others is addressed wrongly. */
    private static Defined existingOrNew(DoctorScheduleState state, UUID doctorId, UUID branchId) {
        return switch (state) {
            case None none -> Defined.empty(doctorId, branchId);
            case Defined defined
            when defined.doctorId().equals(doctorId) && defined.branchId().equals(branchId) -> defined;
            case Defined defined -> throw new Rejection.Conflict("schedule.identity-mismatch");
        };
    }

    /** The same entry id sent again: a retry if it names the same period, a client bug otherwise. */
    private static boolean isRetry(Map<UUID, LocalPeriod> entries, UUID id, LocalPeriod period) {
        LocalPeriod existing = entries.get(id);
        if (existing == null) {
            return false;
        }
        if (!existing.equals(period)) {
            throw new Rejection.Conflict("schedule.entry-id-reused");
        }
        return true;
    }

    private static void requireNoOverlap(Map<UUID, LocalPeriod> entries, LocalPeriod candidate, String code) {
        for (LocalPeriod existing : entries.values()) {
            if (existing.start().isBefore(candidate.end()) && candidate.start().isBefore(existing.end())) {
                throw new Rejection.Conflict(code, existing.start(), existing.end());
            }
        }
    }

    private static Duration length(LocalPeriod period) {
        return Duration.between(period.start(), period.end());
    }

    /** Patterns and intervals in a canonical order, so an unchanged schedule sent again is recognised. */
    private static List<WorkingHours> normalize(List<WorkingHours> hours) {
        return hours.stream()
                .map(h -> new WorkingHours(
                        h.intervals().stream()
                                .sorted(Comparator.comparing(WeeklyInterval::day)
                                        .thenComparing(WeeklyInterval::start))
                                .toList(),
                        h.effectiveFrom(),
                        h.effectiveTo()))
                .sorted(Comparator.comparing(WorkingHours::effectiveFrom))
                .toList();
    }
}
