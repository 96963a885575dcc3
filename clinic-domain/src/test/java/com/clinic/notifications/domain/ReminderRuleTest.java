package com.clinic.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.domain.ReminderRule.PlannedReminder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminder times on the branch's clock, across daylight-saving changes in two zones. */
class ReminderRuleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
    private static final List<Channel> PUSH = List.of(Channel.PUSH);
    private static final ReminderRule HOURS_24 = new ReminderRule.Before(Duration.ofHours(24), PUSH);
    private static final ReminderRule HOURS_2 = new ReminderRule.Before(Duration.ofHours(2), PUSH);
    private static final ReminderRule EVENING_BEFORE = new ReminderRule.DaysBeforeAt(1, LocalTime.of(18, 0), PUSH);

    private static Instant at(int y, int m, int d, int h, int min, ZoneId zone) {
        return LocalDateTime.of(y, m, d, h, min).atZone(zone).toInstant();
    }

    @Test
    void twentyFourHoursBeforeIsTwentyFourRealHoursAcrossTheSpringChangeInLondon() {
        // Clocks go forward on 29 March 2026 at 01:00 GMT: 10:00 BST on the 29th is 09:00Z.
        Instant start = at(2026, 3, 29, 10, 0, LONDON);
        assertThat(HOURS_24.dueFor(start, LONDON)).isEqualTo(Instant.parse("2026-03-28T09:00:00Z"));
        // On the wall clock that is 09:00 the day before, one hour "earlier" than the appointment.
        assertThat(HOURS_24.dueFor(start, LONDON).atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void theEveningBeforeIsSixPmOnTheBranchsClockOnEitherSideOfTheChange() {
        // New York falls back on 1 November 2026: the evening before is still 18:00 local, EDT.
        Instant start = at(2026, 11, 1, 9, 0, NEW_YORK);
        assertThat(EVENING_BEFORE.dueFor(start, NEW_YORK)).isEqualTo(Instant.parse("2026-10-31T22:00:00Z"));
        Instant dayAfter = at(2026, 11, 2, 9, 0, NEW_YORK);
        assertThat(EVENING_BEFORE.dueFor(dayAfter, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
    }

    @Test
    void aReminderTimeInsideTheSpringGapMovesToTheFirstInstantAfterIt() {
        // Cairo's clocks jump from 00:00 to 01:00 on the last Friday of April 2026 (24 April).
        ReminderRule midnight = new ReminderRule.DaysBeforeAt(1, LocalTime.of(0, 30), PUSH);
        Instant start = at(2026, 4, 25, 10, 0, CAIRO);
        Instant due = midnight.dueFor(start, CAIRO);
        assertThat(due.atZone(CAIRO).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 4, 24, 1, 30));
    }

    @Test
    void remindersWhoseTimeHasPassedAreNotSentAtBooking() {
        Instant start = at(2026, 6, 3, 10, 0, LONDON);
        Instant bookedThreeHoursBefore = start.minus(Duration.ofHours(3));
        List<PlannedReminder> plan =
                ReminderRule.plan(List.of(HOURS_24, HOURS_2), start, LONDON, Optional.empty(), bookedThreeHoursBefore);
        assertThat(plan).extracting(PlannedReminder::rule).containsExactly(HOURS_2);
        assertThat(plan.getFirst().dueAt()).isEqualTo(start.minus(Duration.ofHours(2)));
    }

    @Test
    void aReminderInTheRecipientsQuietHoursWaitsUntilTheyEnd() {
        Instant start = at(2026, 6, 3, 8, 0, LONDON);
        QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), LONDON);
        List<PlannedReminder> plan = ReminderRule.plan(
                List.of(HOURS_2), start, LONDON, Optional.of(nights), start.minus(Duration.ofDays(3)));
        assertThat(plan.getFirst().dueAt()).isEqualTo(at(2026, 6, 3, 7, 0, LONDON));
    }

    @Test
    void aReminderPushedPastTheStartByQuietHoursIsDropped() {
        Instant start = at(2026, 6, 3, 6, 30, LONDON);
        QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), LONDON);
        assertThat(ReminderRule.plan(
                        List.of(HOURS_2), start, LONDON, Optional.of(nights), start.minus(Duration.ofDays(3))))
                .isEmpty();
    }

    @Test
    void quietHoursAreReadOnTheRecipientsOwnClock() {
        QuietHours riyadhNights = new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Riyadh"));
        Instant elevenLondon = at(2026, 6, 3, 23, 0, LONDON); // 01:00 in Riyadh: quiet there
        assertThat(riyadhNights.nextAllowed(elevenLondon)).isEqualTo(at(2026, 6, 4, 8, 0, ZoneId.of("Asia/Riyadh")));
        Instant noonLondon = at(2026, 6, 3, 12, 0, LONDON);
        assertThat(riyadhNights.nextAllowed(noonLondon)).isEqualTo(noonLondon);
    }

    @Test
    void equalEndsMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), LONDON);
        Instant late = at(2026, 6, 3, 23, 0, LONDON);
        assertThat(none.nextAllowed(late)).isEqualTo(late);
    }
}
