package com.clinic.scheduling.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EarliestSlotsTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final UUID DOCTOR_A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID DOCTOR_B = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    /** Slots every {@code minutes} whatever the buffer: these tests are about lanes, not the grid. */
    private static BookingRules rules(int minutes, int bufferAfter, int capacity) {
        return new BookingRules(
                Duration.ofMinutes(minutes),
                Duration.ZERO,
                Duration.ofMinutes(bufferAfter),
                Duration.ZERO,
                Duration.ofDays(365),
                capacity,
                Duration.ofMinutes(minutes));
    }

    private static ScheduledDoctor doctor(UUID id, ZoneId zone, List<ClaimedTime> claims, DayOfWeek... days) {
        List<WeeklyInterval> intervals = Arrays.stream(days)
                .map(day -> new WeeklyInterval(day, LocalTime.of(9, 0), LocalTime.of(11, 0)))
                .toList();
        return new ScheduledDoctor(
                id,
                BRANCH,
                zone,
                List.of(new WorkingHours(intervals, LocalDate.of(2026, 1, 1), Optional.empty())),
                List.of(),
                List.of(),
                Set.of(),
                claims);
    }

    private static ClaimedTime claim(int lane, String startUtc, int minutes) {
        Instant start = Instant.parse(startUtc);
        return new ClaimedTime(lane, new TimeRange(start, start.plus(Duration.ofMinutes(minutes))));
    }

    @Test
    void aSlotWithOneLaneClaimedOfTwoStillHasOnePlace() {
        // 09:00 Riyadh = 06:00 UTC
        var slots = EarliestSlots.find(
                List.of(doctor(DOCTOR_A, RIYADH, List.of(claim(0, "2026-06-01T06:00:00Z", 30)), DayOfWeek.MONDAY)),
                rules(30, 0, 2),
                MONDAY,
                MONDAY,
                LONG_AGO,
                100);

        assertThat(slots).hasSize(4);
        assertThat(slots.getFirst().remainingCapacity()).isEqualTo(1);
        assertThat(slots.get(1).remainingCapacity()).isEqualTo(2);
    }

    @Test
    void aSlotWithEveryLaneClaimedIsNotOffered() {
        var slots = EarliestSlots.find(
                List.of(doctor(
                        DOCTOR_A,
                        RIYADH,
                        List.of(claim(0, "2026-06-01T06:00:00Z", 30), claim(1, "2026-06-01T06:00:00Z", 30)),
                        DayOfWeek.MONDAY)),
                rules(30, 0, 2),
                MONDAY,
                MONDAY,
                LONG_AGO,
                100);

        assertThat(slots)
                .extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30));
    }

    @Test
    void claimsInLanesAboveTheTypesCapacityDoNotBlockIt() {
        // Overbooked by a group type in lane 1; a single-place type only ever uses lane 0, which is free.
        var slots = EarliestSlots.find(
                List.of(doctor(DOCTOR_A, RIYADH, List.of(claim(1, "2026-06-01T06:00:00Z", 30)), DayOfWeek.MONDAY)),
                rules(30, 0, 1),
                MONDAY,
                MONDAY,
                LONG_AGO,
                100);

        assertThat(slots).hasSize(4).allSatisfy(slot -> assertThat(slot.remainingCapacity())
                .isEqualTo(1));
    }

    @Test
    void twoShortClaimsInOneLaneLeaveTheOtherLaneFreeForAnOffsetSlot() {
        // Lane 0 holds 09:00-09:20 and 09:20-09:40 from a 20-minute type; a 30-minute slot at 09:00
        // overlaps both, yet lane 1 is free, so one place remains (counting claims would say none).
        var slots = EarliestSlots.find(
                List.of(doctor(
                        DOCTOR_A,
                        RIYADH,
                        List.of(claim(0, "2026-06-01T06:00:00Z", 20), claim(0, "2026-06-01T06:20:00Z", 20)),
                        DayOfWeek.MONDAY)),
                rules(30, 0, 2),
                MONDAY,
                MONDAY,
                LONG_AGO,
                100);

        assertThat(slots.getFirst().localStart().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(slots.getFirst().remainingCapacity()).isEqualTo(1);
        assertThat(slots.get(1).remainingCapacity()).isEqualTo(1);
    }

    @Test
    void theBufferAfterASlotMustBeFreeToo() {
        // A claim at 09:30 blocks the 09:00 slot of a type that keeps 10 minutes free after it.
        var slots = EarliestSlots.find(
                List.of(doctor(DOCTOR_A, RIYADH, List.of(claim(0, "2026-06-01T06:30:00Z", 30)), DayOfWeek.MONDAY)),
                rules(30, 10, 1),
                MONDAY,
                MONDAY,
                LONG_AGO,
                100);

        assertThat(slots)
                .extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 30));
    }

    @Test
    void slotsOfSeveralDoctorsAreMergedInTimeOrderAndCutAtTheLimit() {
        var slots = EarliestSlots.find(
                List.of(
                        doctor(DOCTOR_B, RIYADH, List.of(), DayOfWeek.MONDAY),
                        doctor(DOCTOR_A, RIYADH, List.of(), DayOfWeek.MONDAY)),
                rules(30, 0, 1),
                MONDAY,
                MONDAY.plusDays(30),
                LONG_AGO,
                3);

        assertThat(slots).extracting(Slot::doctorId).containsExactly(DOCTOR_A, DOCTOR_B, DOCTOR_A);
        assertThat(slots)
                .extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 0), LocalTime.of(9, 30));
    }

    @Test
    void stoppingEarlyGivesTheSameSlotsAsComputingTheWholeRangeEvenAcrossDistantZones() {
        // Kiritimati (UTC+14) starts its Tuesday while Pago Pago (UTC-11) is still on Monday morning.
        List<ScheduledDoctor> doctors = List.of(
                doctor(DOCTOR_A, ZoneId.of("Pacific/Pago_Pago"), List.of(), DayOfWeek.values()),
                doctor(DOCTOR_B, ZoneId.of("Pacific/Kiritimati"), List.of(), DayOfWeek.values()));
        List<Slot> all = EarliestSlots.find(doctors, rules(30, 0, 1), MONDAY, MONDAY.plusDays(20), LONG_AGO, 1000);

        for (int limit : new int[] {1, 4, 5, 9, 17, 40}) {
            assertThat(EarliestSlots.find(doctors, rules(30, 0, 1), MONDAY, MONDAY.plusDays(20), LONG_AGO, limit))
                    .as("limit %d", limit)
                    .isEqualTo(new ArrayList<>(all.subList(0, limit)));
        }
    }

    @Test
    void nothingBeyondTheHorizonIsOfferedOverALongRange() {
        BookingRules week = new BookingRules(
                Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(7), 1);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        var slots = EarliestSlots.find(
                List.of(doctor(DOCTOR_A, RIYADH, List.of(), DayOfWeek.MONDAY)),
                week,
                MONDAY,
                MONDAY.plusDays(60),
                now,
                100);

        assertThat(slots).extracting(slot -> slot.localStart().toLocalDate()).containsOnly(MONDAY);
    }
}
