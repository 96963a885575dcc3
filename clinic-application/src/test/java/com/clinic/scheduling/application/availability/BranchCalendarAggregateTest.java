package com.clinic.scheduling.application.availability;

import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.CancelHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.DeclareHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BranchCalendarAggregateTest {

    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID OTHER_BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    private static final UUID CALENDAR = AvailabilityIds.calendarId(BRANCH);
    private static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-0000000000e1");
    private static final Instant NOW = Instant.parse("2026-05-31T10:00:00Z");
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 9, 23);
    private static final BilingualName NAME = new BilingualName("اليوم الوطني", "National Day");

    private AggregateTestFixture<BranchCalendarAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BranchCalendarAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
    }

    private static HolidayDeclared declared() {
        return new HolidayDeclared(CALENDAR, BRANCH, NATIONAL_DAY, NAME, MANAGER, NOW);
    }

    @Test
    void theFirstHolidayCreatesTheBranchCalendar() {
        fixture.givenNoPriorActivity()
                .when(new DeclareHoliday(CALENDAR, BRANCH, NATIONAL_DAY, NAME, MANAGER, NOW))
                .expectEvents(declared());
    }

    @Test
    void furtherHolidaysAreAddedToTheCalendar() {
        LocalDate foundingDay = LocalDate.of(2027, 2, 22);
        BilingualName founding = new BilingualName("يوم التأسيس", "Founding Day");
        fixture.given(declared())
                .when(new DeclareHoliday(CALENDAR, BRANCH, foundingDay, founding, MANAGER, NOW))
                .expectEvents(new HolidayDeclared(CALENDAR, BRANCH, foundingDay, founding, MANAGER, NOW));
    }

    @Test
    void declaringTheSameHolidayAgainIsARetry() {
        fixture.given(declared())
                .when(new DeclareHoliday(CALENDAR, BRANCH, NATIONAL_DAY, NAME, MANAGER, NOW))
                .expectNoEvents();
    }

    @Test
    void aSecondHolidayOnADeclaredDateIsAConflict() {
        fixture.given(declared())
                .when(new DeclareHoliday(
                        CALENDAR, BRANCH, NATIONAL_DAY, new BilingualName("عطلة", "Day off"), MANAGER, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("calendar.holiday-exists");
    }

    @Test
    void aCommandForAnotherBranchIsRefusedByThisCalendar() {
        fixture.given(declared())
                .when(new DeclareHoliday(CALENDAR, OTHER_BRANCH, NATIONAL_DAY.plusDays(1), NAME, MANAGER, NOW))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("calendar.identity-mismatch");
    }

    @Test
    void aHolidayIsCancelledAndTheEventKeepsItsName() {
        fixture.given(declared())
                .when(new CancelHoliday(CALENDAR, BRANCH, NATIONAL_DAY, MANAGER, NOW))
                .expectEvents(new HolidayCancelled(CALENDAR, BRANCH, NATIONAL_DAY, NAME, MANAGER, NOW));
    }

    @Test
    void cancellingADayThatIsNoHolidayIsNotFound() {
        fixture.given(declared())
                .when(new CancelHoliday(CALENDAR, BRANCH, NATIONAL_DAY.plusDays(1), MANAGER, NOW))
                .expectException(Rejection.NotFound.class)
                .expectExceptionMessage("calendar.holiday-not-found");
    }

    @Test
    void aCancelledHolidayCanBeDeclaredAgain() {
        fixture.given(declared(), new HolidayCancelled(CALENDAR, BRANCH, NATIONAL_DAY, NAME, MANAGER, NOW))
                .when(new DeclareHoliday(CALENDAR, BRANCH, NATIONAL_DAY, NAME, MANAGER, NOW))
                .expectEvents(declared());
    }

    @Test
    void cancellingOnABranchWithoutCalendarIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CancelHoliday(CALENDAR, BRANCH, NATIONAL_DAY, MANAGER, NOW))
                .expectException(AggregateNotFoundException.class);
    }
}
