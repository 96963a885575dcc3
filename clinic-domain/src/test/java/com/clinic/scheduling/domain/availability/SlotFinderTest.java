package com.clinic.scheduling.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotFinderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final UUID DOCTOR = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final BookingRules THIRTY_MINUTES = new BookingRules(
            Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 1);
    /** Long before every date used here, so notice and horizon never interfere unless a test says so. */
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    /** The 2027 daylight-saving nights lie within a year's horizon of this. */
    private static final Instant START_OF_2027 = Instant.parse("2027-01-01T00:00:00Z");

    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
    private static final BookingRules TWENTY_MINUTES = new BookingRules(
            Duration.ofMinutes(20), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 1);

    private static ScheduledDoctor doctor(ZoneId zone, List<WeeklyInterval> intervals) {
        return new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                zone,
                List.of(new WorkingHours(intervals, LocalDate.of(2026, 1, 1), Optional.empty())),
                List.of(),
                List.of(),
                Set.of(),
                List.of());
    }

    private static List<LocalTime> localStarts(List<Slot> slots) {
        return slots.stream().map(slot -> slot.localStart().toLocalTime()).toList();
    }

    @Test
    void anOrdinaryMorningIsCutIntoSlotsOfTheTypesLength() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        var slots = SlotFinder.find(
                doctor(RIYADH, List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)))),
                THIRTY_MINUTES,
                monday,
                monday,
                LONG_AGO);

        assertThat(localStarts(slots))
                .containsExactly(
                        LocalTime.of(9, 0),
                        LocalTime.of(9, 30),
                        LocalTime.of(10, 0),
                        LocalTime.of(10, 30),
                        LocalTime.of(11, 0),
                        LocalTime.of(11, 30));
        assertThat(slots.getFirst().range().start()).isEqualTo(Instant.parse("2026-06-01T06:00:00Z"));
    }

    @Test
    void onTheSpringForwardNightTheMissingHourProducesNoSlots() {
        LocalDate springForward = LocalDate.of(2026, 3, 29); // 01:00 jumps to 02:00 in London
        var slots = SlotFinder.find(
                doctor(LONDON, List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(4, 0)))),
                THIRTY_MINUTES,
                springForward,
                springForward,
                LONG_AGO);

        assertThat(localStarts(slots))
                .containsExactly(
                        LocalTime.of(0, 0),
                        LocalTime.of(0, 30),
                        LocalTime.of(2, 0),
                        LocalTime.of(2, 30),
                        LocalTime.of(3, 0),
                        LocalTime.of(3, 30));
        assertThat(slots).allSatisfy(slot -> assertThat(slot.range().length()).isEqualTo(Duration.ofMinutes(30)));
    }

    @Test
    void onTheFallBackNightTheRepeatedHourGivesTwoDistinctRealSlotsPerWallClockTime() {
        LocalDate fallBack = LocalDate.of(2026, 10, 25); // 02:00 falls back to 01:00 in London
        var slots = SlotFinder.find(
                doctor(LONDON, List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(4, 0)))),
                THIRTY_MINUTES,
                fallBack,
                fallBack,
                LONG_AGO);

        assertThat(slots).hasSize(10);
        assertThat(slots.stream().map(slot -> slot.range().start()).distinct()).hasSize(10);
        assertThat(localStarts(slots).stream().filter(time -> time.equals(LocalTime.of(1, 0))))
                .hasSize(2);
    }

    @Test
    void daytimeHoursKeepTheirWallClockTimesAcrossTheChangeWhileTheirUtcTimesShift() {
        var londonDoctor = doctor(
                LONDON,
                List.of(
                        new WeeklyInterval(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                        new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(10, 0))));

        var saturday = SlotFinder.find(
                londonDoctor, THIRTY_MINUTES, LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 28), LONG_AGO);
        var sunday = SlotFinder.find(
                londonDoctor, THIRTY_MINUTES, LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), LONG_AGO);

        assertThat(localStarts(saturday)).isEqualTo(localStarts(sunday));
        assertThat(saturday.getFirst().range().start()).isEqualTo(Instant.parse("2026-03-28T09:00:00Z"));
        assertThat(sunday.getFirst().range().start()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void timeOffHolidaysAndExtraSessionsShapeTheDay() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        LocalDate tuesday = monday.plusDays(1);
        LocalDate wednesday = monday.plusDays(2);
        var availability = new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                RIYADH,
                List.of(new WorkingHours(
                        List.of(
                                new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)),
                                new WeeklyInterval(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0))),
                        LocalDate.of(2026, 1, 1),
                        Optional.empty())),
                List.of(new LocalPeriod(monday.atTime(9, 30), monday.atTime(10, 30))),
                List.of(new LocalPeriod(wednesday.atTime(16, 0), wednesday.atTime(17, 0))),
                Set.of(tuesday),
                List.of());

        var slots = SlotFinder.find(availability, THIRTY_MINUTES, monday, wednesday, LONG_AGO);

        assertThat(slots.stream().map(Slot::localStart))
                .containsExactly(
                        monday.atTime(9, 0), monday.atTime(10, 30), wednesday.atTime(16, 0), wednesday.atTime(16, 30));
    }

    @Test
    void bookingsWithTheirBuffersTakeSlotsAwayUnlessCapacityAllowsSharing() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        Instant tenOClock = ZonedDateTime.of(monday.atTime(10, 0), RIYADH).toInstant();
        ClaimedTime booked = new ClaimedTime(
                0,
                new TimeRange(tenOClock, tenOClock.plus(Duration.ofMinutes(30)))
                        .widen(Duration.ZERO, Duration.ofMinutes(15)));
        var availability = new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                RIYADH,
                List.of(new WorkingHours(
                        List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
                        LocalDate.of(2026, 1, 1),
                        Optional.empty())),
                List.of(),
                List.of(),
                Set.of(),
                List.of(booked));

        var single = SlotFinder.find(availability, THIRTY_MINUTES, monday, monday, LONG_AGO);
        var shared = SlotFinder.find(
                availability,
                new BookingRules(
                        Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 2),
                monday,
                monday,
                LONG_AGO);

        assertThat(localStarts(single))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(11, 0), LocalTime.of(11, 30));
        assertThat(shared).hasSize(6);
        assertThat(shared.stream().filter(slot -> slot.remainingCapacity() == 1).map(slot -> slot.localStart()
                        .toLocalTime()))
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 30));
    }

    @Test
    void minimumNoticeAndBookingHorizonBoundWhatCanBeBooked() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        Instant now = ZonedDateTime.of(monday.atTime(8, 50), RIYADH).toInstant();
        var rules = new BookingRules(
                Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ofDays(7), 1);
        var availability =
                doctor(RIYADH, List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(11, 0))));

        var slots = SlotFinder.find(availability, rules, monday, monday.plusWeeks(2), now);

        assertThat(slots.getFirst().localStart()).isEqualTo(monday.atTime(10, 0));
        // Notice: 08:50 + 1 h rules out 09:00 and 09:30. Horizon: 7 days after 08:50 allows next Monday's
        // 08:50 at the latest, so next Monday's 09:00 and later are out.
        assertThat(slots.getLast().localStart()).isEqualTo(monday.atTime(10, 30));
        assertThat(slots).hasSize(2);
    }

    @Test
    void aPatternOnlyAppliesWithinItsEffectiveDates() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        var availability = new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                RIYADH,
                List.of(
                        new WorkingHours(
                                List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0))),
                                LocalDate.of(2026, 1, 1),
                                Optional.of(monday)),
                        new WorkingHours(
                                List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(15, 0))),
                                monday.plusDays(1),
                                Optional.empty())),
                List.of(),
                List.of(),
                Set.of(),
                List.of());

        var slots = SlotFinder.find(availability, THIRTY_MINUTES, monday, monday.plusWeeks(1), LONG_AGO);

        assertThat(slots.stream().map(Slot::localStart))
                .containsExactly(
                        monday.atTime(9, 0),
                        monday.atTime(9, 30),
                        monday.plusWeeks(1).atTime(14, 0),
                        monday.plusWeeks(1).atTime(14, 30));
    }

    @Test
    void overlappingPatternsAndInvalidIntervalsAreRefused() {
        assertThatThrownBy(() -> new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(9, 0)))
                .isInstanceOf(Rejection.RuleViolated.class);
        assertThatThrownBy(() -> new WorkingHours(
                        List.of(
                                new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)),
                                new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0))),
                        LocalDate.of(2026, 1, 1),
                        Optional.empty()))
                .isInstanceOf(Rejection.RuleViolated.class);
        assertThatThrownBy(() -> WorkingHours.requireDisjoint(List.of(
                        new WorkingHours(List.of(), LocalDate.of(2026, 1, 1), Optional.empty()),
                        new WorkingHours(List.of(), LocalDate.of(2026, 6, 1), Optional.empty()))))
                .isInstanceOf(Rejection.RuleViolated.class);
    }

    // --- Boundaries inside a spring-forward gap -------------------------------------------------

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(slot -> slot.range().start()).toList();
    }

    @Test
    void hoursEndingInsideTheMissingHourEndWhenTheClocksJump() {
        // London, 2027-03-28: 01:00 GMT jumps to 02:00 BST, so 01:30 does not exist. The doctor's hours
        // 00:30-01:30 hold 30 real minutes (00:30-01:00 GMT): room for one 20-minute slot, not three.
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        var slots = SlotFinder.find(
                doctor(LONDON, List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(0, 30), LocalTime.of(1, 30)))),
                TWENTY_MINUTES,
                springForward,
                springForward,
                START_OF_2027);

        assertThat(starts(slots)).containsExactly(Instant.parse("2027-03-28T00:30:00Z"));
        assertThat(slots.getFirst().range().end()).isEqualTo(Instant.parse("2027-03-28T00:50:00Z"));
    }

    @Test
    void hoursLyingWhollyInsideTheMissingHourAreNoTimeAtAll() {
        // Cairo, Friday 2027-04-30: midnight jumps to 01:00, so 00:10-00:50 never happens on the clock.
        LocalDate springForward = LocalDate.of(2027, 4, 30);
        var cairo = SlotFinder.find(
                doctor(CAIRO, List.of(new WeeklyInterval(DayOfWeek.FRIDAY, LocalTime.of(0, 10), LocalTime.of(0, 50)))),
                TWENTY_MINUTES,
                springForward,
                springForward,
                START_OF_2027);
        var london = SlotFinder.find(
                doctor(LONDON, List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(1, 10), LocalTime.of(1, 50)))),
                TWENTY_MINUTES,
                LocalDate.of(2027, 3, 28),
                LocalDate.of(2027, 3, 28),
                START_OF_2027);

        assertThat(cairo).isEmpty();
        assertThat(london).isEmpty();
    }

    @Test
    void anExtraSessionEndingInsideTheMissingHourEndsWhenTheClocksJump() {
        // Cairo: a Thursday-night session 23:00-00:30 runs one real hour, 21:00-22:00 UTC, then the clocks
        // jump from midnight to 01:00; 00:30 does not exist, and nothing may start after the jump.
        LocalDate thursday = LocalDate.of(2027, 4, 29);
        var doctor = new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                CAIRO,
                List.of(),
                List.of(),
                List.of(new LocalPeriod(
                        thursday.atTime(23, 0), thursday.plusDays(1).atTime(0, 30))),
                Set.of(),
                List.of());

        var slots = SlotFinder.find(doctor, TWENTY_MINUTES, thursday, thursday.plusDays(1), START_OF_2027);

        assertThat(starts(slots))
                .containsExactly(
                        Instant.parse("2027-04-29T21:00:00Z"),
                        Instant.parse("2027-04-29T21:20:00Z"),
                        Instant.parse("2027-04-29T21:40:00Z"));
    }

    @Test
    void hoursStartingInsideTheMissingHourStartWhenTheClocksJump() {
        // London 01:30-03:00 on the spring-forward night: work starts at the jump, 02:00 BST, not 02:30.
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        var slots = SlotFinder.find(
                doctor(LONDON, List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(1, 30), LocalTime.of(3, 0)))),
                THIRTY_MINUTES,
                springForward,
                springForward,
                START_OF_2027);

        assertThat(localStarts(slots)).containsExactly(LocalTime.of(2, 0), LocalTime.of(2, 30));
    }

    @Test
    void timeOffEndingInsideTheMissingHourGivesTheDoctorBackEverythingAfterTheJump() {
        LocalDate springForward = LocalDate.of(2027, 3, 28);
        var doctor = new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                LONDON,
                List.of(new WorkingHours(
                        List.of(new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(4, 0))),
                        LocalDate.of(2026, 1, 1),
                        Optional.empty())),
                List.of(new LocalPeriod(springForward.atTime(0, 0), springForward.atTime(1, 30))),
                List.of(),
                Set.of(),
                List.of());

        var slots = SlotFinder.find(doctor, THIRTY_MINUTES, springForward, springForward, START_OF_2027);

        assertThat(localStarts(slots))
                .containsExactly(LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(3, 0), LocalTime.of(3, 30));
    }

    // --- The slot interval -----------------------------------------------------------------------

    private static BookingRules twentyWithBuffers(int before, int after, Duration interval) {
        return new BookingRules(
                Duration.ofMinutes(20),
                Duration.ofMinutes(before),
                Duration.ofMinutes(after),
                Duration.ZERO,
                Duration.ofDays(365),
                1,
                interval);
    }

    private static ScheduledDoctor riyadhMorning(LocalTime end, List<ClaimedTime> claims) {
        return new ScheduledDoctor(
                DOCTOR,
                BRANCH,
                RIYADH,
                List.of(new WorkingHours(
                        List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), end)),
                        LocalDate.of(2026, 1, 1),
                        Optional.empty())),
                List.of(),
                List.of(),
                Set.of(),
                claims);
    }

    private static ClaimedTime bookedAt(LocalDate date, LocalTime start, BookingRules rules) {
        Instant at = ZonedDateTime.of(date.atTime(start), RIYADH).toInstant();
        return new ClaimedTime(0, rules.blocked(new TimeRange(at, at.plus(rules.duration()))));
    }

    @Test
    void byDefaultSlotsStepByTheDurationPlusTheBuffersSoBackToBackBookingsTileTheDay() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        BookingRules rules = twentyWithBuffers(0, 5, null);

        var free = SlotFinder.find(riyadhMorning(LocalTime.of(10, 40), List.of()), rules, monday, monday, LONG_AGO);
        var afterNine = SlotFinder.find(
                riyadhMorning(LocalTime.of(10, 40), List.of(bookedAt(monday, LocalTime.of(9, 0), rules))),
                rules,
                monday,
                monday,
                LONG_AGO);

        assertThat(rules.slotInterval()).isEqualTo(Duration.ofMinutes(25));
        assertThat(localStarts(free))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 25), LocalTime.of(9, 50), LocalTime.of(10, 15));
        // Once 09:00 is booked, the very next slot is still bookable: nothing is lost to the buffer.
        assertThat(localStarts(afterNine))
                .containsExactly(LocalTime.of(9, 25), LocalTime.of(9, 50), LocalTime.of(10, 15));
    }

    @Test
    void aBufferBeforeCountsTowardsTheDefaultIntervalToo() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        BookingRules rules = twentyWithBuffers(5, 5, null);
        List<ClaimedTime> claims = new ArrayList<>();

        // Book every slot offered, earliest first, until none is left: each booking must succeed.
        for (List<Slot> offered =
                        SlotFinder.find(riyadhMorning(LocalTime.of(11, 0), claims), rules, monday, monday, LONG_AGO);
                !offered.isEmpty();
                offered =
                        SlotFinder.find(riyadhMorning(LocalTime.of(11, 0), claims), rules, monday, monday, LONG_AGO)) {
            Slot next = offered.getFirst();
            assertThat(SlotFinder.judge(
                            riyadhMorning(LocalTime.of(11, 0), claims),
                            rules,
                            next.range().start(),
                            LONG_AGO))
                    .isEqualTo(SlotVerdict.FREE);
            claims.add(new ClaimedTime(0, rules.blocked(next.range())));
        }

        assertThat(claims).hasSize(4); // 09:00, 09:30, 10:00, 10:30: the whole morning, no gaps
    }

    @Test
    void anExplicitIntervalOverridesTheDefault() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        BookingRules rules = twentyWithBuffers(0, 5, Duration.ofMinutes(15));

        var slots = SlotFinder.find(riyadhMorning(LocalTime.of(10, 0), List.of()), rules, monday, monday, LONG_AGO);

        assertThat(localStarts(slots)).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(9, 30));
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> twentyWithBuffers(0, 5, Duration.ZERO))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("appointment-type.slot-interval-invalid");
    }

    // --- Judging one start ---------------------------------------------------------------------

    @Test
    void aStartIsJudgedFreeTakenOffTheGridOrOutsideTheBookingWindow() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        BookingRules rules = twentyWithBuffers(0, 5, null);
        var doctor = riyadhMorning(LocalTime.of(10, 40), List.of(bookedAt(monday, LocalTime.of(9, 25), rules)));
        Instant nine = ZonedDateTime.of(monday.atTime(9, 0), RIYADH).toInstant();

        assertThat(SlotFinder.judge(doctor, rules, nine, LONG_AGO)).isEqualTo(SlotVerdict.FREE);
        assertThat(SlotFinder.judge(doctor, rules, nine.plus(Duration.ofMinutes(25)), LONG_AGO))
                .isEqualTo(SlotVerdict.TAKEN);
        // 09:20 is where a duration-only grid would have put the second slot: between two slots now.
        assertThat(SlotFinder.judge(doctor, rules, nine.plus(Duration.ofMinutes(20)), LONG_AGO))
                .isEqualTo(SlotVerdict.OFF_GRID);
        assertThat(SlotFinder.judge(doctor, rules, nine.plus(Duration.ofHours(5)), LONG_AGO))
                .isEqualTo(SlotVerdict.OFF_GRID);
        assertThat(SlotFinder.judge(doctor, rules, nine, nine.minusSeconds(1).plus(Duration.ofDays(400))))
                .isEqualTo(SlotVerdict.OUTSIDE_BOOKING_WINDOW);
        assertThat(SlotFinder.judge(doctor, rules, nine, nine.minus(Duration.ofDays(366))))
                .isEqualTo(SlotVerdict.OUTSIDE_BOOKING_WINDOW);
    }

    @Test
    void everyStartThatSearchListsIsJudgedFreeAcrossDaylightSavingNights() {
        BookingRules rules = twentyWithBuffers(5, 10, null);
        var doctor = doctor(
                LONDON,
                List.of(
                        new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(0, 30), LocalTime.of(3, 10)),
                        new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))));
        for (LocalDate day : List.of(LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31))) {
            var slots = SlotFinder.find(doctor, rules, day, day, START_OF_2027);
            assertThat(slots).isNotEmpty();
            assertThat(slots).allSatisfy(slot -> assertThat(
                            SlotFinder.judge(doctor, rules, slot.range().start(), START_OF_2027))
                    .isEqualTo(SlotVerdict.FREE));
        }
    }
}
