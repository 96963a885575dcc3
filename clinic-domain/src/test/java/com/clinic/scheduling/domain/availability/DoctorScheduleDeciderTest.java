package com.clinic.scheduling.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.clinic.testsupport.DeciderSpecification;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DoctorScheduleDeciderTest {

    private static final UUID SCHEDULE = UUID.fromString("00000000-0000-7000-8000-0000000000a5");
    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID OTHER_DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d2");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID OTHER_BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final UUID TIME_OFF = UUID.fromString("00000000-0000-7000-8000-0000000000a6");
    private static final UUID OTHER_TIME_OFF = UUID.fromString("00000000-0000-7000-8000-0000000000a7");
    private static final UUID SESSION = UUID.fromString("00000000-0000-7000-8000-0000000000a8");
    private static final UUID OTHER_SESSION = UUID.fromString("00000000-0000-7000-8000-0000000000a9");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final DoctorScheduleDecider DECIDER = new DoctorScheduleDecider();

    private final DeciderSpecification<DoctorScheduleCommand, DoctorScheduleEvent, DoctorScheduleState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static WeeklyInterval interval(DayOfWeek day, int from, int to) {
        return new WeeklyInterval(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }

    private static final WeeklyInterval SUNDAY_MORNING = interval(DayOfWeek.SUNDAY, 9, 13);
    private static final WeeklyInterval SUNDAY_EVENING = interval(DayOfWeek.SUNDAY, 16, 20);
    private static final WeeklyInterval MONDAY_MORNING = interval(DayOfWeek.MONDAY, 9, 13);
    /** In canonical order already: weekdays as java.time orders them (Monday first), then by start. */
    private static final WorkingHours SUMMER =
            new WorkingHours(List.of(MONDAY_MORNING, SUNDAY_MORNING), JUNE, Optional.of(LocalDate.of(2026, 8, 31)));

    private static final WorkingHours AUTUMN =
            new WorkingHours(List.of(SUNDAY_MORNING, SUNDAY_EVENING), LocalDate.of(2026, 9, 1), Optional.empty());
    private static final LocalPeriod VACATION =
            new LocalPeriod(LocalDateTime.of(2026, 7, 1, 0, 0), LocalDateTime.of(2026, 7, 15, 0, 0));
    private static final LocalPeriod SATURDAY_CLINIC =
            new LocalPeriod(LocalDateTime.of(2026, 6, 6, 9, 0), LocalDateTime.of(2026, 6, 6, 13, 0));

    private static final WorkingHoursDefined SUMMER_DEFINED =
            new WorkingHoursDefined(SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER), List.of(), RECEPTION, NOW);
    private static final TimeOffAdded VACATION_ADDED =
            new TimeOffAdded(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW);
    private static final ExtraSessionAdded SATURDAY_ADDED =
            new ExtraSessionAdded(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW);

    private static DefineWorkingHours define(UUID doctor, List<WorkingHours> hours) {
        return new DefineWorkingHours(SCHEDULE, doctor, BRANCH, hours, RECEPTION, NOW);
    }

    private static AddTimeOff timeOff(UUID id, LocalPeriod period) {
        return new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, id, period, RECEPTION, NOW);
    }

    private static AddExtraSession session(UUID id, LocalPeriod period) {
        return new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, id, period, RECEPTION, NOW);
    }

    private static LocalPeriod period(LocalDateTime start, Duration length) {
        return new LocalPeriod(start, start.plus(length));
    }

    // Weekly patterns

    @Test
    void aDoctorsFirstWeekStartsTheSchedule() {
        spec.when(define(DOCTOR, List.of(SUMMER)))
                .then(SUMMER_DEFINED)
                .andState(new Defined(DOCTOR, BRANCH, List.of(SUMMER), Map.of(), Map.of()));
    }

    @Test
    void newPatternsReplaceTheOldOnesAsAWholeAndNameWhatTheyReplaced() {
        spec.given(SUMMER_DEFINED)
                .when(define(DOCTOR, List.of(SUMMER, AUTUMN)))
                .then(new WorkingHoursDefined(
                        SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER, AUTUMN), List.of(SUMMER), RECEPTION, NOW));
    }

    @Test
    void patternsAreRecordedInACanonicalOrderSoTheSameWeekSentAgainInAnotherOrderChangesNothing() {
        WorkingHours autumnShuffled =
                new WorkingHours(List.of(SUNDAY_EVENING, SUNDAY_MORNING), AUTUMN.effectiveFrom(), AUTUMN.effectiveTo());
        WorkingHours summerShuffled =
                new WorkingHours(List.of(SUNDAY_MORNING, MONDAY_MORNING), SUMMER.effectiveFrom(), SUMMER.effectiveTo());

        spec.when(define(DOCTOR, List.of(autumnShuffled, summerShuffled)))
                .then(new WorkingHoursDefined(
                        SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER, AUTUMN), List.of(), RECEPTION, NOW));
        spec.given(new WorkingHoursDefined(
                        SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER, AUTUMN), List.of(), RECEPTION, NOW))
                .when(define(DOCTOR, List.of(autumnShuffled, summerShuffled)))
                .thenNothing();
    }

    @Test
    void twoPatternsCannotBeValidOnTheSameDay() {
        WorkingHours overlapping =
                new WorkingHours(List.of(MONDAY_MORNING), LocalDate.of(2026, 8, 31), Optional.empty());

        spec.when(define(DOCTOR, List.of(SUMMER, overlapping)))
                .thenRejects(Rejection.RuleViolated.class, "schedule.periods-overlap");
    }

    @Test
    void aScheduleHoldsAtMostTwentyFourPatterns() {
        List<WorkingHours> days = new ArrayList<>(IntStream.range(0, DoctorScheduleDecider.MAX_PERIODS)
                .mapToObj(
                        i -> new WorkingHours(List.of(MONDAY_MORNING), JUNE.plusDays(i), Optional.of(JUNE.plusDays(i))))
                .toList());
        spec.when(define(DOCTOR, days))
                .then(new WorkingHoursDefined(SCHEDULE, DOCTOR, BRANCH, days, List.of(), RECEPTION, NOW));

        days.add(new WorkingHours(List.of(MONDAY_MORNING), JUNE.plusDays(24), Optional.empty()));
        Rejection rejection =
                spec.when(define(DOCTOR, days)).thenRejects(Rejection.RuleViolated.class, "schedule.too-many-periods");
        assertThat(rejection.arguments()).containsExactly(24);
    }

    @Test
    void aScheduleBelongsToOneDoctorAtOneBranch() {
        spec.given(SUMMER_DEFINED)
                .when(define(OTHER_DOCTOR, List.of(SUMMER)))
                .thenRejects(Rejection.Conflict.class, "schedule.identity-mismatch");
        spec.given(SUMMER_DEFINED)
                .when(new AddTimeOff(SCHEDULE, DOCTOR, OTHER_BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .thenRejects(Rejection.Conflict.class, "schedule.identity-mismatch");
        spec.given(SUMMER_DEFINED)
                .when(new AddExtraSession(SCHEDULE, OTHER_DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW))
                .thenRejects(Rejection.Conflict.class, "schedule.identity-mismatch");
    }

    // Time off

    @Test
    void timeOffIsAddedEvenBeforeAnyWeekIsDefined() {
        spec.when(timeOff(TIME_OFF, VACATION))
                .then(VACATION_ADDED)
                .andState(new Defined(DOCTOR, BRANCH, List.of(), Map.of(TIME_OFF, VACATION), Map.of()));
    }

    @Test
    void timeOffLastsAtMostAYearAndADay() {
        LocalDateTime start = LocalDateTime.of(2026, 7, 1, 0, 0);
        spec.given(SUMMER_DEFINED)
                .when(timeOff(TIME_OFF, period(start, DoctorScheduleDecider.MAX_TIME_OFF)))
                .then(new TimeOffAdded(
                        SCHEDULE, DOCTOR, BRANCH, TIME_OFF, period(start, Duration.ofDays(366)), RECEPTION, NOW));
        spec.given(SUMMER_DEFINED)
                .when(timeOff(TIME_OFF, period(start, Duration.ofDays(366).plusMinutes(1))))
                .thenRejects(Rejection.RuleViolated.class, "schedule.time-off-too-long");
    }

    @Test
    void addingTheSameTimeOffAgainIsAHarmlessRetry() {
        spec.given(SUMMER_DEFINED, VACATION_ADDED)
                .when(timeOff(TIME_OFF, VACATION))
                .thenNothing();
    }

    @Test
    void aTimeOffIdNamesOnePeriodForGood() {
        spec.given(SUMMER_DEFINED, VACATION_ADDED)
                .when(timeOff(TIME_OFF, period(LocalDateTime.of(2026, 8, 1, 0, 0), Duration.ofDays(1))))
                .thenRejects(Rejection.Conflict.class, "schedule.entry-id-reused");
    }

    @Test
    void timeOffMayNotOverlapOtherTimeOffButMayTouchIt() {
        Rejection rejection = spec.given(SUMMER_DEFINED, VACATION_ADDED)
                .when(timeOff(OTHER_TIME_OFF, period(LocalDateTime.of(2026, 7, 14, 12, 0), Duration.ofDays(2))))
                .thenRejects(Rejection.Conflict.class, "schedule.time-off-overlaps");
        assertThat(rejection.arguments()).containsExactly(VACATION.start(), VACATION.end());

        LocalPeriod adjoining = period(VACATION.end(), Duration.ofDays(2));
        spec.given(SUMMER_DEFINED, VACATION_ADDED)
                .when(timeOff(OTHER_TIME_OFF, adjoining))
                .then(new TimeOffAdded(SCHEDULE, DOCTOR, BRANCH, OTHER_TIME_OFF, adjoining, RECEPTION, NOW));
    }

    @Test
    void removedTimeOffNamesThePeriodThatIsAvailableAgain() {
        spec.given(SUMMER_DEFINED, VACATION_ADDED)
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .then(new TimeOffRemoved(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .andState(new Defined(DOCTOR, BRANCH, List.of(SUMMER), Map.of(), Map.of()));
    }

    @Test
    void unknownTimeOffCannotBeRemovedNorTimeOffRemovedTwice() {
        spec.given(SUMMER_DEFINED)
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .thenRejects(Rejection.NotFound.class, "schedule.time-off-not-found");
        spec.given(
                        SUMMER_DEFINED,
                        VACATION_ADDED,
                        new TimeOffRemoved(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .thenRejects(Rejection.NotFound.class, "schedule.time-off-not-found");
    }

    // Extra sessions

    @Test
    void anExtraSessionIsWorkingTimeOutsideTheWeek() {
        spec.given(SUMMER_DEFINED)
                .when(session(SESSION, SATURDAY_CLINIC))
                .then(SATURDAY_ADDED)
                .andState(new Defined(DOCTOR, BRANCH, List.of(SUMMER), Map.of(), Map.of(SESSION, SATURDAY_CLINIC)));
    }

    @Test
    void anExtraSessionLastsAtMostADay() {
        LocalDateTime start = LocalDateTime.of(2026, 6, 6, 0, 0);
        spec.when(session(SESSION, period(start, DoctorScheduleDecider.MAX_EXTRA_SESSION)))
                .then(new ExtraSessionAdded(
                        SCHEDULE, DOCTOR, BRANCH, SESSION, period(start, Duration.ofHours(24)), RECEPTION, NOW));
        Rejection rejection = spec.when(
                        session(SESSION, period(start, Duration.ofHours(24).plusMinutes(1))))
                .thenRejects(Rejection.RuleViolated.class, "schedule.extra-session-too-long");
        assertThat(rejection.arguments()).containsExactly(24L);
    }

    @Test
    void addingTheSameExtraSessionAgainIsAHarmlessRetryButItsIdCannotNameAnotherPeriod() {
        spec.given(SATURDAY_ADDED).when(session(SESSION, SATURDAY_CLINIC)).thenNothing();
        spec.given(SATURDAY_ADDED)
                .when(session(SESSION, period(LocalDateTime.of(2026, 6, 13, 9, 0), Duration.ofHours(4))))
                .thenRejects(Rejection.Conflict.class, "schedule.entry-id-reused");
    }

    @Test
    void extraSessionsMayNotOverlapEachOther() {
        spec.given(SATURDAY_ADDED)
                .when(session(OTHER_SESSION, period(LocalDateTime.of(2026, 6, 6, 12, 0), Duration.ofHours(3))))
                .thenRejects(Rejection.Conflict.class, "schedule.extra-session-overlaps");
    }

    @Test
    void aRemovedExtraSessionNamesItsPeriodAndAnUnknownOneIsNotFound() {
        spec.given(SATURDAY_ADDED)
                .when(new RemoveExtraSession(SCHEDULE, SESSION, RECEPTION, NOW))
                .then(new ExtraSessionRemoved(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW))
                .andState(new Defined(DOCTOR, BRANCH, List.of(), Map.of(), Map.of()));
        spec.given(SATURDAY_ADDED)
                .when(new RemoveExtraSession(SCHEDULE, OTHER_SESSION, RECEPTION, NOW))
                .thenRejects(Rejection.NotFound.class, "schedule.extra-session-not-found");
    }

    @Test
    void nothingCanBeRemovedFromAScheduleThatDoesNotExist() {
        spec.when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .thenRejects(Rejection.NotFound.class, "schedule.not-found");
        spec.when(new RemoveExtraSession(SCHEDULE, SESSION, RECEPTION, NOW))
                .thenRejects(Rejection.NotFound.class, "schedule.not-found");
    }
}
