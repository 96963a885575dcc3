package com.clinic.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.application.appointment.AppointmentBooking;
import com.clinic.scheduling.application.appointment.SlotChoice;
import com.clinic.scheduling.application.availability.AppointmentTypeInput;
import com.clinic.scheduling.application.availability.AppointmentTypeService;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import com.clinic.scheduling.application.availability.ScheduleService;
import com.clinic.scheduling.application.availability.ScheduleService.Precondition;
import com.clinic.scheduling.application.availability.SlotQuery;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.Price;
import com.clinic.scheduling.domain.availability.Slot;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import com.clinic.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Slot search end to end on PostgreSQL: schedules defined through the services (events, then the
 * projections), claims as the bookings' ledger writes them, and the one-query load. Dates are
 * relative to today, since the application runs on the real clock.
 */
@IntegrationTest
class SlotSearchIntegrationTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), Role.ADMIN, Optional.empty(), Optional.empty());

    @Autowired
    ScheduleService schedules;

    @Autowired
    AppointmentTypeService types;

    @Autowired
    SlotSearch slots;

    @Autowired
    AppointmentBooking appointments;

    @Autowired
    JdbcTemplate jdbc;

    private DirectoryRows directory;

    @BeforeEach
    void setUp() {
        directory = new DirectoryRows(jdbc);
    }

    // --- helpers ---------------------------------------------------------------------------

    private AppointmentTypeView type(UUID clinicId, BookingRules rules) {
        AppointmentTypeView created = types.create(
                ADMIN,
                clinicId,
                new AppointmentTypeInput(
                        new BilingualName("كشف", "Consultation"),
                        rules,
                        false,
                        new Price(new BigDecimal("150"), "SAR")));
        await().atMost(WAIT).ignoreExceptions().until(() -> types.get(created.appointmentTypeId()) != null);
        return created;
    }

    /** Slots every {@code minutes} whatever the buffer: these tests are about claims, notice and horizon. */
    private static BookingRules rules(int minutes, int bufferAfter, Duration notice, Duration horizon, int capacity) {
        return new BookingRules(
                Duration.ofMinutes(minutes),
                Duration.ZERO,
                Duration.ofMinutes(bufferAfter),
                notice,
                horizon,
                capacity,
                Duration.ofMinutes(minutes));
    }

    private static BookingRules halfHours() {
        return rules(30, 0, Duration.ZERO, Duration.ofDays(365), 1);
    }

    private static WorkingHours everyDay(LocalTime start, LocalTime end) {
        return new WorkingHours(
                Arrays.stream(DayOfWeek.values())
                        .map(day -> new WeeklyInterval(day, start, end))
                        .toList(),
                LocalDate.now(ZoneOffset.UTC).minusDays(7),
                Optional.empty());
    }

    private void define(UUID doctorId, UUID branchId, WorkingHours... hours) {
        long version = schedules.defineWorkingHours(ADMIN, doctorId, branchId, List.of(hours), new Precondition.Any());
        awaitVersion(doctorId, branchId, version);
    }

    private void awaitVersion(UUID doctorId, UUID branchId, long version) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select coalesce(max(version), -1) from doctor_schedule where doctor_id = ? and branch_id = ?",
                        Long.class,
                        doctorId,
                        branchId))
                .isGreaterThanOrEqualTo(version));
    }

    private List<Slot> search(UUID doctorId, UUID branchId, UUID typeId, LocalDate from, LocalDate to) {
        return slots.search(
                new SlotQuery(Optional.of(doctorId), Optional.empty(), Optional.of(branchId), typeId, from, to, 500));
    }

    private static List<LocalTime> localTimes(List<Slot> found, LocalDate day) {
        return found.stream()
                .filter(slot -> slot.localStart().toLocalDate().equals(day))
                .map(slot -> slot.localStart().toLocalTime())
                .toList();
    }

    private void claim(UUID doctorId, UUID branchId, int lane, Instant start, Duration length) {
        jdbc.update(
                "insert into slot_claim (appointment_id, doctor_id, branch_id, lane, period)"
                        + " values (?, ?, ?, ?, tstzrange(?::timestamptz, ?::timestamptz, '[)'))",
                UUID.randomUUID(),
                doctorId,
                branchId,
                (short) lane,
                java.sql.Timestamp.from(start),
                java.sql.Timestamp.from(start.plus(length)));
    }

    private record Setup(UUID clinicId, UUID branchId, UUID doctorId, ZoneId zone) {}

    private Setup doctorAt(ZoneId zone) {
        UUID clinicId = directory.clinic(zone.getId());
        UUID branchId = directory.branch(clinicId, zone.getId());
        UUID doctorId = directory.doctor(clinicId, List.of(branchId), List.of("cardiology"), true);
        return new Setup(clinicId, branchId, doctorId, zone);
    }

    // --- tests -----------------------------------------------------------------------------

    @Test
    void weeklyHoursBecomeSlotsWithRealAndWallClockTimesOfTheBranch() {
        Setup s = doctorAt(RIYADH);
        AppointmentTypeView type = type(s.clinicId(), halfHours());
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(9, 0), LocalTime.of(11, 0)));
        LocalDate day = LocalDate.now(RIYADH).plusDays(3);

        List<Slot> found = search(s.doctorId(), s.branchId(), type.appointmentTypeId(), day, day);

        assertThat(found)
                .extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30));
        assertThat(found.getFirst().range().start()).isEqualTo(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
        assertThat(found).allSatisfy(slot -> {
            assertThat(slot.zone()).isEqualTo(RIYADH);
            assertThat(slot.doctorId()).isEqualTo(s.doctorId());
            assertThat(slot.remainingCapacity()).isEqualTo(1);
        });
    }

    @Test
    void acrossADaylightSavingChangeSlotsKeepTheirWallClockTimesAndTheMissingOrRepeatedHourIsRight() {
        Setup s = doctorAt(LONDON);
        AppointmentTypeView type = type(s.clinicId(), halfHours());
        ZoneOffsetTransition transition =
                LONDON.getRules().nextTransition(Instant.now().plus(Duration.ofDays(2)));
        LocalDate changeDay = transition.getInstant().atZone(LONDON).toLocalDate();
        WorkingHours nights = new WorkingHours(
                List.of(
                        new WeeklyInterval(changeDay.getDayOfWeek(), LocalTime.MIDNIGHT, LocalTime.of(3, 0)),
                        new WeeklyInterval(changeDay.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(10, 0)),
                        new WeeklyInterval(
                                changeDay.minusDays(1).getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(10, 0)),
                        new WeeklyInterval(
                                changeDay.plusDays(1).getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(10, 0))),
                LocalDate.now(ZoneOffset.UTC),
                Optional.empty());
        define(s.doctorId(), s.branchId(), nights);

        List<Slot> found = search(
                s.doctorId(), s.branchId(), type.appointmentTypeId(), changeDay.minusDays(1), changeDay.plusDays(1));

        // 09:00 stays 09:00 local on both sides; its UTC instant moves by the change.
        Slot before = found.stream()
                .filter(slot -> slot.localStart().equals(changeDay.minusDays(1).atTime(9, 0)))
                .findFirst()
                .orElseThrow();
        Slot after = found.stream()
                .filter(slot -> slot.localStart().equals(changeDay.plusDays(1).atTime(9, 0)))
                .findFirst()
                .orElseThrow();
        assertThat(Duration.between(before.range().start(), after.range().start()))
                .isEqualTo(Duration.ofDays(2)
                        .minus(Duration.ofSeconds(transition.getOffsetAfter().getTotalSeconds()
                                - transition.getOffsetBefore().getTotalSeconds())));
        // Midnight to 03:00 is two real hours when the clocks spring forward, four when they fall back.
        List<Slot> night = found.stream()
                .filter(slot -> slot.localStart().toLocalDate().equals(changeDay)
                        && slot.localStart().getHour() < 4)
                .toList();
        int expected = transition.isGap() ? 4 : 8;
        assertThat(night).hasSize(expected);
        assertThat(night).extracting(slot -> slot.range().start()).doesNotHaveDuplicates();
        assertThat(night.getLast().range().end())
                .isEqualTo(changeDay.atTime(3, 0).atZone(LONDON).toInstant());
    }

    @Test
    void holidaysAndTimeOffTakeSlotsAwayAndExtraSessionsAddThem() {
        Setup s = doctorAt(RIYADH);
        AppointmentTypeView type = type(s.clinicId(), halfHours());
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(9, 0), LocalTime.of(11, 0)));
        LocalDate first = LocalDate.now(RIYADH).plusDays(5);
        LocalDate holiday = first.plusDays(1);
        LocalDate timeOffDay = first.plusDays(2);
        LocalDate extraDay = first.plusDays(3);

        schedules.declareHoliday(ADMIN, s.branchId(), holiday, new BilingualName("عطلة", "Holiday"));
        schedules.addTimeOff(
                ADMIN,
                s.doctorId(),
                s.branchId(),
                new LocalPeriod(timeOffDay.atTime(9, 30), timeOffDay.atTime(10, 30)),
                Optional.empty());
        var extra = schedules.addExtraSession(
                ADMIN,
                s.doctorId(),
                s.branchId(),
                new LocalPeriod(extraDay.atTime(18, 0), extraDay.atTime(19, 0)),
                Optional.empty());
        awaitVersion(s.doctorId(), s.branchId(), extra.version());
        await().atMost(WAIT)
                .until(() -> !schedules.holidays(s.branchId(), holiday, holiday).isEmpty());

        List<Slot> found = search(s.doctorId(), s.branchId(), type.appointmentTypeId(), first, extraDay);

        assertThat(localTimes(found, first)).hasSize(4);
        assertThat(localTimes(found, holiday)).isEmpty();
        assertThat(localTimes(found, timeOffDay)).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 30));
        assertThat(localTimes(found, extraDay))
                .containsExactly(
                        LocalTime.of(9, 0),
                        LocalTime.of(9, 30),
                        LocalTime.of(10, 0),
                        LocalTime.of(10, 30),
                        LocalTime.of(18, 0),
                        LocalTime.of(18, 30));

        schedules.cancelHoliday(ADMIN, s.branchId(), holiday);
        await().atMost(WAIT)
                .until(() -> schedules.holidays(s.branchId(), holiday, holiday).isEmpty());
        assertThat(localTimes(search(s.doctorId(), s.branchId(), type.appointmentTypeId(), holiday, holiday), holiday))
                .hasSize(4);
    }

    @Test
    void claimedTimeIsNotOfferedAndCapacityCountsTheFreeLanes() {
        Setup s = doctorAt(RIYADH);
        AppointmentTypeView single = type(s.clinicId(), rules(30, 10, Duration.ZERO, Duration.ofDays(365), 1));
        AppointmentTypeView group = type(s.clinicId(), rules(30, 0, Duration.ZERO, Duration.ofDays(365), 3));
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(9, 0), LocalTime.of(11, 0)));
        LocalDate day = LocalDate.now(RIYADH).plusDays(4);
        Instant nine = day.atTime(9, 0).atZone(RIYADH).toInstant();
        claim(s.doctorId(), s.branchId(), 0, nine, Duration.ofMinutes(30));
        claim(s.doctorId(), s.branchId(), 1, nine, Duration.ofMinutes(30));
        // A claim at another branch still occupies the doctor.
        UUID otherBranch = directory.branch(s.clinicId(), RIYADH.getId());
        claim(s.doctorId(), otherBranch, 0, nine.plus(Duration.ofMinutes(90)), Duration.ofMinutes(30));

        assertThat(localTimes(search(s.doctorId(), s.branchId(), single.appointmentTypeId(), day, day), day))
                // 09:00 taken; 09:30 free; 10:00's 10-minute buffer runs into the 10:30 claim; 10:30 taken.
                .containsExactly(LocalTime.of(9, 30));
        List<Slot> shared = search(s.doctorId(), s.branchId(), group.appointmentTypeId(), day, day);
        assertThat(shared)
                .extracting(slot -> slot.localStart().toLocalTime() + "=" + slot.remainingCapacity())
                .containsExactly("09:00=1", "09:30=3", "10:00=3", "10:30=2");
        assertThat(slots.isFree(s.doctorId(), s.branchId(), single.appointmentTypeId(), nine))
                .isFalse();
        assertThat(slots.isFree(s.doctorId(), s.branchId(), group.appointmentTypeId(), nine))
                .isTrue();
    }

    @Test
    void minimumNoticeAndHorizonBoundTheSlots() {
        Setup s = doctorAt(RIYADH);
        AppointmentTypeView type = type(s.clinicId(), rules(30, 0, Duration.ofDays(2), Duration.ofDays(10), 1));
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(0, 0), LocalTime.of(23, 30)));
        LocalDate today = LocalDate.now(RIYADH);
        Instant before = Instant.now();

        List<Slot> found = search(s.doctorId(), s.branchId(), type.appointmentTypeId(), today, today.plusDays(20));

        Instant after = Instant.now();
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().range().start()).isAfterOrEqualTo(before.plus(Duration.ofDays(2)));
        assertThat(found.getFirst().range().start())
                .isBefore(after.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        assertThat(found.getLast().range().start()).isBeforeOrEqualTo(after.plus(Duration.ofDays(10)));
        assertThat(found.getLast().range().start())
                .isAfter(before.plus(Duration.ofDays(10)).minus(Duration.ofHours(1)));
    }

    @Test
    void aSpecialtySearchMergesTheBranchsActiveDoctorsOfThatSpecialtyInTimeOrder() {
        Setup s = doctorAt(RIYADH);
        UUID second = directory.doctor(s.clinicId(), List.of(s.branchId()), List.of("cardiology"), true);
        UUID otherSpecialty = directory.doctor(s.clinicId(), List.of(s.branchId()), List.of("dermatology"), true);
        UUID inactive = directory.doctor(s.clinicId(), List.of(s.branchId()), List.of("cardiology"), true);
        AppointmentTypeView type = type(s.clinicId(), halfHours());
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0)));
        define(second, s.branchId(), everyDay(LocalTime.of(9, 30), LocalTime.of(10, 30)));
        define(otherSpecialty, s.branchId(), everyDay(LocalTime.of(8, 0), LocalTime.of(9, 0)));
        define(inactive, s.branchId(), everyDay(LocalTime.of(8, 0), LocalTime.of(9, 0)));
        jdbc.update("update doctor_view set active = false where doctor_id = ?", inactive);
        LocalDate day = LocalDate.now(RIYADH).plusDays(3);

        List<Slot> found = slots.search(new SlotQuery(
                Optional.empty(),
                Optional.of("Cardiology"),
                Optional.of(s.branchId()),
                type.appointmentTypeId(),
                day,
                day.plusDays(5),
                5));

        assertThat(found)
                .extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(
                        LocalTime.of(9, 0),
                        LocalTime.of(9, 30),
                        LocalTime.of(9, 30),
                        LocalTime.of(10, 0),
                        LocalTime.of(9, 0));
        assertThat(found).extracting(Slot::doctorId).doesNotContain(otherSpecialty, inactive);
        assertThat(found.subList(0, 4)).extracting(Slot::doctorId).containsOnly(s.doctorId(), second);
    }

    @Test
    void aBookingMadeThroughAppointmentsIsNoLongerOffered() {
        Setup s = doctorAt(RIYADH);
        UUID patientId = directory.patient(s.clinicId(), s.branchId());
        AppointmentTypeView type = type(s.clinicId(), halfHours());
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0)));
        LocalDate day = LocalDate.now(RIYADH).plusDays(6);
        Instant nine = day.atTime(9, 0).atZone(RIYADH).toInstant();

        appointments.book(
                ADMIN,
                Optional.of(patientId),
                new SlotChoice(s.doctorId(), s.branchId(), type.appointmentTypeId(), nine));

        assertThat(localTimes(search(s.doctorId(), s.branchId(), type.appointmentTypeId(), day, day), day))
                .containsExactly(LocalTime.of(9, 30));
        assertThat(slots.isFree(s.doctorId(), s.branchId(), type.appointmentTypeId(), nine))
                .isFalse();
    }

    @Test
    void aTypeOfAnotherClinicIsNotOfferedAtTheBranchAndAnUnknownBranchIsNotFound() {
        Setup s = doctorAt(RIYADH);
        define(s.doctorId(), s.branchId(), everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0)));
        UUID otherClinic = directory.clinic(RIYADH.getId());
        AppointmentTypeView foreign = type(otherClinic, halfHours());
        LocalDate day = LocalDate.now(RIYADH).plusDays(3);

        assertThatThrownBy(() -> search(s.doctorId(), s.branchId(), foreign.appointmentTypeId(), day, day))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("slots.type-not-offered-at-branch");
        assertThatThrownBy(() -> search(s.doctorId(), UUID.randomUUID(), foreign.appointmentTypeId(), day, day))
                .isInstanceOf(Rejection.NotFound.class)
                .hasMessage("branch.not-found");
    }

    @Test
    void aReplacedScheduleAppliesFromItsEffectiveDate() {
        Setup s = doctorAt(RIYADH);
        AppointmentTypeView type = type(s.clinicId(), halfHours());
        LocalDate today = LocalDate.now(RIYADH);
        LocalDate switchDay = today.plusDays(10);
        WorkingHours mornings = new WorkingHours(
                everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0)).intervals(),
                today.minusDays(1),
                Optional.of(switchDay.minusDays(1)));
        WorkingHours evenings = new WorkingHours(
                everyDay(LocalTime.of(17, 0), LocalTime.of(18, 0)).intervals(), switchDay, Optional.empty());
        define(s.doctorId(), s.branchId(), mornings, evenings);

        List<Slot> found =
                search(s.doctorId(), s.branchId(), type.appointmentTypeId(), switchDay.minusDays(1), switchDay);

        assertThat(localTimes(found, switchDay.minusDays(1))).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30));
        assertThat(localTimes(found, switchDay)).containsExactly(LocalTime.of(17, 0), LocalTime.of(17, 30));
    }
}
