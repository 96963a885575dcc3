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

    private static DoctorAvailability doctor(ZoneId zone, List<WeeklyInterval> intervals) {
        return new DoctorAvailability(
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
        var availability = new DoctorAvailability(
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
        TimeRange booked = new TimeRange(tenOClock, tenOClock.plus(Duration.ofMinutes(30)))
                .widen(Duration.ZERO, Duration.ofMinutes(15));
        var availability = new DoctorAvailability(
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
        var availability = new DoctorAvailability(
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
}
