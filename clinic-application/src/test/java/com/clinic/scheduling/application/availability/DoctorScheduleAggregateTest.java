package com.clinic.scheduling.application.availability;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.MetadataKeys;
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
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoctorScheduleAggregateTest {

    private static final UUID DOCTOR = UUID.fromString("00000000-0000-7000-8000-0000000000d1");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID OTHER_BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    private static final UUID SCHEDULE = AvailabilityIds.scheduleId(DOCTOR, BRANCH);
    private static final UUID RECEPTION = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final UUID TIME_OFF = UUID.fromString("00000000-0000-7000-8000-0000000000f1");
    private static final UUID SESSION = UUID.fromString("00000000-0000-7000-8000-0000000000f2");
    private static final Instant NOW = Instant.parse("2026-05-31T10:00:00Z");

    private static final WorkingHours SUMMER = new WorkingHours(
            List.of(
                    new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(17, 0)),
                    new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
            LocalDate.of(2026, 6, 1),
            Optional.of(LocalDate.of(2026, 8, 31)));
    private static final WorkingHours SUMMER_SORTED = new WorkingHours(
            List.of(
                    new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                    new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(17, 0))),
            LocalDate.of(2026, 6, 1),
            Optional.of(LocalDate.of(2026, 8, 31)));
    private static final WorkingHours AUTUMN = new WorkingHours(
            List.of(new WeeklyInterval(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(13, 0))),
            LocalDate.of(2026, 9, 1),
            Optional.empty());
    private static final LocalPeriod VACATION =
            new LocalPeriod(LocalDateTime.of(2026, 7, 1, 0, 0), LocalDateTime.of(2026, 7, 15, 0, 0));
    private static final LocalPeriod SATURDAY_CLINIC =
            new LocalPeriod(LocalDateTime.of(2026, 6, 6, 9, 0), LocalDateTime.of(2026, 6, 6, 13, 0));

    private AggregateTestFixture<DoctorScheduleAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DoctorScheduleAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    private static WorkingHoursDefined summerDefined() {
        return new WorkingHoursDefined(SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER_SORTED), List.of(), RECEPTION, NOW);
    }

    private static TimeOffAdded vacationAdded() {
        return new TimeOffAdded(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW);
    }

    private static ExtraSessionAdded saturdayAdded() {
        return new ExtraSessionAdded(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW);
    }

    @Test
    void theFirstWorkingHoursCreateTheScheduleInCanonicalOrder() {
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER), RECEPTION, NOW))
                .expectEvents(summerDefined())
                .expectResultMessagePayload(0L);
    }

    @Test
    void newWorkingHoursReplaceTheOldAndRecordWhatTheyReplaced() {
        fixture.given(summerDefined())
                .when(new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(AUTUMN, SUMMER), RECEPTION, NOW))
                .expectEvents(new WorkingHoursDefined(
                        SCHEDULE,
                        DOCTOR,
                        BRANCH,
                        List.of(SUMMER_SORTED, AUTUMN),
                        List.of(SUMMER_SORTED),
                        RECEPTION,
                        NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void definingTheSameWorkingHoursAgainChangesNothing() {
        fixture.given(summerDefined())
                .when(new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER_SORTED), RECEPTION, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void workingHoursValidOnTheSameDayAreRefused() {
        WorkingHours overlapping = new WorkingHours(AUTUMN.intervals(), LocalDate.of(2026, 8, 1), Optional.empty());
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER, overlapping), RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("schedule.periods-overlap");
    }

    @Test
    void tooManyWorkingHourPeriodsAreRefused() {
        List<WorkingHours> many = java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> new WorkingHours(
                        List.of(),
                        LocalDate.of(2026, 1, 1).plusDays(i),
                        Optional.of(LocalDate.of(2026, 1, 1).plusDays(i))))
                .toList();
        fixture.givenNoPriorActivity()
                .when(new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, many, RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("schedule.too-many-periods");
    }

    @Test
    void aCommandNamingAnotherBranchIsRefusedByAnExistingSchedule() {
        fixture.given(summerDefined())
                .when(new DefineWorkingHours(SCHEDULE, DOCTOR, OTHER_BRANCH, List.of(SUMMER), RECEPTION, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("schedule.identity-mismatch");
    }

    @Test
    void aMatchingIfMatchVersionIsAccepted() {
        fixture.given(summerDefined())
                .when(
                        new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(AUTUMN), RECEPTION, NOW),
                        Map.of(MetadataKeys.EXPECTED_VERSION, 0L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aStaleIfMatchVersionIsRefusedEvenThoughTheCommandMayCreate() {
        fixture.given(summerDefined(), vacationAdded())
                .when(
                        new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(AUTUMN), RECEPTION, NOW),
                        Map.of(MetadataKeys.EXPECTED_VERSION, 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void ifNoneMatchCreatesOnlyWhenThereIsNoScheduleYet() {
        fixture.givenNoPriorActivity()
                .when(
                        new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(SUMMER), RECEPTION, NOW),
                        Map.of(MetadataKeys.EXPECTED_VERSION, Preconditions.MUST_NOT_EXIST))
                .expectEvents(summerDefined());
    }

    @Test
    void ifNoneMatchIsRefusedWhenTheScheduleExists() {
        fixture.given(summerDefined())
                .when(
                        new DefineWorkingHours(SCHEDULE, DOCTOR, BRANCH, List.of(AUTUMN), RECEPTION, NOW),
                        Map.of(MetadataKeys.EXPECTED_VERSION, Preconditions.MUST_NOT_EXIST))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void timeOffCanBeAddedToANewSchedule() {
        fixture.givenNoPriorActivity()
                .when(new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .expectEvents(vacationAdded());
    }

    @Test
    void timeOffIsAddedToAnExistingSchedule() {
        fixture.given(summerDefined())
                .when(new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .expectEvents(vacationAdded())
                .expectResultMessagePayload(1L);
    }

    @Test
    void addingTheSameTimeOffAgainIsARetry() {
        fixture.given(summerDefined(), vacationAdded())
                .when(new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .expectNoEvents();
    }

    @Test
    void reusingATimeOffIdForAnotherPeriodIsRefused() {
        LocalPeriod other = new LocalPeriod(LocalDateTime.of(2026, 8, 1, 0, 0), LocalDateTime.of(2026, 8, 2, 0, 0));
        fixture.given(vacationAdded())
                .when(new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, other, RECEPTION, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("schedule.entry-id-reused");
    }

    @Test
    void overlappingTimeOffIsRefused() {
        LocalPeriod overlapping =
                new LocalPeriod(LocalDateTime.of(2026, 7, 14, 0, 0), LocalDateTime.of(2026, 7, 20, 0, 0));
        fixture.given(vacationAdded())
                .when(new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, UUID.randomUUID(), overlapping, RECEPTION, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("schedule.time-off-overlaps");
    }

    @Test
    void timeOffLongerThanAYearIsRefused() {
        LocalPeriod sabbatical =
                new LocalPeriod(LocalDateTime.of(2026, 7, 1, 0, 0), LocalDateTime.of(2027, 7, 3, 0, 0));
        fixture.givenNoPriorActivity()
                .when(new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, sabbatical, RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("schedule.time-off-too-long");
    }

    @Test
    void aStaleVersionOnAddingTimeOffIsRefused() {
        fixture.given(summerDefined(), saturdayAdded())
                .when(
                        new AddTimeOff(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW),
                        Map.of(MetadataKeys.EXPECTED_VERSION, 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void timeOffIsRemovedAndTheEventSaysWhichPeriodIsFreeAgain() {
        fixture.given(summerDefined(), vacationAdded())
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .expectEvents(new TimeOffRemoved(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void removingUnknownTimeOffIsNotFound() {
        fixture.given(summerDefined())
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .expectException(Rejection.NotFound.class)
                .expectExceptionMessage("schedule.time-off-not-found");
    }

    @Test
    void timeOffCannotBeRemovedTwice() {
        fixture.given(vacationAdded(), new TimeOffRemoved(SCHEDULE, DOCTOR, BRANCH, TIME_OFF, VACATION, RECEPTION, NOW))
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .expectException(Rejection.NotFound.class)
                .expectExceptionMessage("schedule.time-off-not-found");
    }

    @Test
    void removingTimeOffFromAScheduleThatDoesNotExistIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RemoveTimeOff(SCHEDULE, TIME_OFF, RECEPTION, NOW))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void anExtraSessionCanBeAddedToANewSchedule() {
        fixture.givenNoPriorActivity()
                .when(new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW))
                .expectEvents(saturdayAdded());
    }

    @Test
    void addingTheSameExtraSessionAgainIsARetry() {
        fixture.given(saturdayAdded())
                .when(new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void overlappingExtraSessionsAreRefused() {
        LocalPeriod overlapping =
                new LocalPeriod(LocalDateTime.of(2026, 6, 6, 12, 0), LocalDateTime.of(2026, 6, 6, 15, 0));
        fixture.given(saturdayAdded())
                .when(new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, UUID.randomUUID(), overlapping, RECEPTION, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("schedule.extra-session-overlaps");
    }

    @Test
    void anExtraSessionLongerThanADayIsRefused() {
        LocalPeriod marathon = new LocalPeriod(LocalDateTime.of(2026, 6, 6, 9, 0), LocalDateTime.of(2026, 6, 7, 10, 0));
        fixture.givenNoPriorActivity()
                .when(new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, SESSION, marathon, RECEPTION, NOW))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("schedule.extra-session-too-long");
    }

    @Test
    void reusingAnExtraSessionIdForAnotherPeriodIsRefused() {
        LocalPeriod other = new LocalPeriod(LocalDateTime.of(2026, 6, 13, 9, 0), LocalDateTime.of(2026, 6, 13, 13, 0));
        fixture.given(saturdayAdded())
                .when(new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, SESSION, other, RECEPTION, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("schedule.entry-id-reused");
    }

    @Test
    void aStaleVersionOnAddingAnExtraSessionIsRefused() {
        fixture.given(summerDefined())
                .when(
                        new AddExtraSession(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW),
                        Map.of(MetadataKeys.EXPECTED_VERSION, 7L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void anExtraSessionIsRemoved() {
        fixture.given(saturdayAdded())
                .when(new RemoveExtraSession(SCHEDULE, SESSION, RECEPTION, NOW))
                .expectEvents(
                        new ExtraSessionRemoved(SCHEDULE, DOCTOR, BRANCH, SESSION, SATURDAY_CLINIC, RECEPTION, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void removingAnUnknownExtraSessionIsNotFound() {
        fixture.given(summerDefined())
                .when(new RemoveExtraSession(SCHEDULE, SESSION, RECEPTION, NOW))
                .expectException(Rejection.NotFound.class)
                .expectExceptionMessage("schedule.extra-session-not-found");
    }

    @Test
    void removingAnExtraSessionFromAScheduleThatDoesNotExistIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RemoveExtraSession(SCHEDULE, SESSION, RECEPTION, NOW))
                .expectException(AggregateNotFoundException.class);
    }
}
