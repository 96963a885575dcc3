package com.clinic.scheduling.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.CancelHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarCommand.DeclareHoliday;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import com.clinic.scheduling.domain.availability.BranchCalendarState.Active;
import com.clinic.testsupport.DeciderSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BranchCalendarDeciderTest {

    private static final UUID CALENDAR = UUID.fromString("00000000-0000-7000-8000-0000000000ca");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b1");
    private static final UUID OTHER_BRANCH = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    private static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-0000000000e2");
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final LocalDate EID = LocalDate.of(2026, 3, 20);
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 9, 23);
    private static final BilingualName EID_NAME = new BilingualName("عيد الفطر", "Eid al-Fitr");
    private static final BilingualName NATIONAL_DAY_NAME = new BilingualName("اليوم الوطني", "National Day");
    private static final BranchCalendarDecider DECIDER = new BranchCalendarDecider();

    private final DeciderSpecification<BranchCalendarCommand, BranchCalendarEvent, BranchCalendarState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static final HolidayDeclared EID_DECLARED =
            new HolidayDeclared(CALENDAR, BRANCH, EID, EID_NAME, MANAGER, NOW);

    private static DeclareHoliday declare(UUID branch, LocalDate date, BilingualName name) {
        return new DeclareHoliday(CALENDAR, branch, date, name, MANAGER, NOW);
    }

    @Test
    void theFirstHolidayStartsTheBranchsCalendar() {
        spec.when(declare(BRANCH, EID, EID_NAME))
                .then(EID_DECLARED)
                .andState(new Active(BRANCH, Map.of(EID, EID_NAME)));
    }

    @Test
    void furtherHolidaysAreAddedByDate() {
        spec.given(EID_DECLARED)
                .when(declare(BRANCH, NATIONAL_DAY, NATIONAL_DAY_NAME))
                .then(new HolidayDeclared(CALENDAR, BRANCH, NATIONAL_DAY, NATIONAL_DAY_NAME, MANAGER, NOW))
                .andState(new Active(BRANCH, Map.of(EID, EID_NAME, NATIONAL_DAY, NATIONAL_DAY_NAME)));
    }

    @Test
    void declaringTheSameHolidayAgainIsAHarmlessRetry() {
        spec.given(EID_DECLARED).when(declare(BRANCH, EID, EID_NAME)).thenNothing();
    }

    @Test
    void aTakenDateCannotGetAnotherHoliday() {
        Rejection rejection = spec.given(EID_DECLARED)
                .when(declare(BRANCH, EID, NATIONAL_DAY_NAME))
                .thenRejects(Rejection.Conflict.class, "calendar.holiday-exists");

        assertThat(rejection.arguments()).containsExactly(EID);
    }

    @Test
    void aCancelledHolidayIsAWorkingDayAgainAndKeepsItsNameOnRecord() {
        spec.given(EID_DECLARED)
                .when(new CancelHoliday(CALENDAR, BRANCH, EID, MANAGER, NOW))
                .then(new HolidayCancelled(CALENDAR, BRANCH, EID, EID_NAME, MANAGER, NOW))
                .andState(new Active(BRANCH, Map.of()));
    }

    @Test
    void onlyADeclaredHolidayCanBeCancelled() {
        spec.when(new CancelHoliday(CALENDAR, BRANCH, EID, MANAGER, NOW))
                .thenRejects(Rejection.NotFound.class, "calendar.holiday-not-found");
        spec.given(EID_DECLARED, new HolidayCancelled(CALENDAR, BRANCH, EID, EID_NAME, MANAGER, NOW))
                .when(new CancelHoliday(CALENDAR, BRANCH, EID, MANAGER, NOW))
                .thenRejects(Rejection.NotFound.class, "calendar.holiday-not-found");
    }

    @Test
    void aCalendarBelongsToOneBranch() {
        spec.given(EID_DECLARED)
                .when(declare(OTHER_BRANCH, NATIONAL_DAY, NATIONAL_DAY_NAME))
                .thenRejects(Rejection.Conflict.class, "calendar.identity-mismatch");
        spec.given(EID_DECLARED)
                .when(new CancelHoliday(CALENDAR, OTHER_BRANCH, EID, MANAGER, NOW))
                .thenRejects(Rejection.Conflict.class, "calendar.identity-mismatch");
    }
}
