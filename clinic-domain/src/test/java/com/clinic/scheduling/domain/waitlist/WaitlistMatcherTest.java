package com.clinic.scheduling.domain.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.waitlist.WaitlistMatcher.FreedSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaitlistMatcherTest {

    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID OTHER_DOCTOR = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID TYPE = UUID.randomUUID();
    private static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    private static final LocalDate TO = LocalDate.of(2026, 3, 6);
    private static final List<TimeOfDayRange> MORNINGS =
            List.of(new TimeOfDayRange(LocalTime.of(8, 0), LocalTime.of(12, 0)));

    private static FreedSlot slot(UUID doctor, LocalDateTime start) {
        return new FreedSlot(doctor, BRANCH, Set.of("cardiology"), TYPE, start);
    }

    @Test
    void aSlotOfTheDoctorInsideTheWindowAndPreferredTimesMatches() {
        var criteria = WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, TO, MORNINGS);

        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, FROM.atTime(8, 0))))
                .isTrue();
        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, TO.atTime(11, 59))))
                .isTrue();
    }

    @Test
    void anotherDoctorBranchOrTypeDoesNotMatch() {
        var criteria = WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, TO, List.of());
        LocalDateTime start = FROM.atTime(9, 0);

        assertThat(WaitlistMatcher.matches(criteria, slot(OTHER_DOCTOR, start))).isFalse();
        assertThat(WaitlistMatcher.matches(criteria, new FreedSlot(DOCTOR, UUID.randomUUID(), Set.of(), TYPE, start)))
                .isFalse();
        assertThat(WaitlistMatcher.matches(criteria, new FreedSlot(DOCTOR, BRANCH, Set.of(), UUID.randomUUID(), start)))
                .isFalse();
    }

    @Test
    void aSpecialtyEntryMatchesAnyDoctorOfThatSpecialtyAtTheBranch() {
        var criteria = WaitlistCriteria.forSpecialty("cardiology", BRANCH, TYPE, FROM, TO, List.of());

        assertThat(WaitlistMatcher.matches(criteria, slot(OTHER_DOCTOR, FROM.atTime(15, 0))))
                .isTrue();
        assertThat(WaitlistMatcher.matches(
                        criteria, new FreedSlot(OTHER_DOCTOR, BRANCH, Set.of("dermatology"), TYPE, FROM.atTime(15, 0))))
                .isFalse();
    }

    @Test
    void outsideTheWindowOrThePreferredTimesDoesNotMatch() {
        var criteria = WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, FROM, TO, MORNINGS);

        assertThat(WaitlistMatcher.matches(
                        criteria, slot(DOCTOR, FROM.minusDays(1).atTime(9, 0))))
                .isFalse();
        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, TO.plusDays(1).atTime(9, 0))))
                .isFalse();
        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, FROM.atTime(12, 0))))
                .isFalse();
        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, FROM.atTime(7, 59))))
                .isFalse();
    }

    @Test
    void preferredTimesAreBranchWallClockTimeAcrossADaylightSavingChange() {
        // Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 09:00 local is 08:00Z before, 07:00Z after.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var criteria = WaitlistCriteria.forDoctor(
                DOCTOR,
                BRANCH,
                TYPE,
                LocalDate.of(2026, 3, 27),
                LocalDate.of(2026, 3, 31),
                List.of(new TimeOfDayRange(LocalTime.of(9, 0), LocalTime.of(10, 0))));
        LocalDateTime before = LocalDateTime.ofInstant(Instant.parse("2026-03-27T08:00:00Z"), berlin);
        LocalDateTime after = LocalDateTime.ofInstant(Instant.parse("2026-03-30T07:00:00Z"), berlin);
        LocalDateTime afterButAnHourLate = LocalDateTime.ofInstant(Instant.parse("2026-03-30T08:00:00Z"), berlin);

        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, before))).isTrue();
        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, after))).isTrue();
        assertThat(WaitlistMatcher.matches(criteria, slot(DOCTOR, afterButAnHourLate)))
                .isFalse();
    }

    @Test
    void aRangeEndingAtMidnightRunsToTheEndOfTheDay() {
        var evening = new TimeOfDayRange(LocalTime.of(18, 0), LocalTime.MIDNIGHT);

        assertThat(evening.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(evening.contains(LocalTime.of(17, 59))).isFalse();
    }

    @Test
    void malformedCriteriaAreRuleViolations() {
        assertThatThrownBy(() -> new TimeOfDayRange(LocalTime.of(12, 0), LocalTime.of(9, 0)))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("waitlist.time-of-day-invalid");
        assertThatThrownBy(() -> WaitlistCriteria.forDoctor(DOCTOR, BRANCH, TYPE, TO, FROM, List.of()))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("waitlist.window-invalid");
        assertThatThrownBy(() -> WaitlistCriteria.forSpecialty(" ", BRANCH, TYPE, FROM, TO, List.of()))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("waitlist.doctor-or-specialty");
    }
}
