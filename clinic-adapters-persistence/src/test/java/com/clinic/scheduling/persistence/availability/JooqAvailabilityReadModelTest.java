package com.clinic.scheduling.persistence.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.DoctorFacts;
import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.availability.AvailabilityReadModel.SlotCriteria;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import com.clinic.scheduling.domain.availability.ClaimedTime;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.WorkingHoursDefined;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.ScheduledDoctor;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Slot search's load: every candidate doctor's schedule, exceptions, holidays and claims in one query. */
@ExtendWith(PostgresTestDatabase.class)
class JooqAvailabilityReadModelTest {

    private static final ZoneId RIYADH_ZONE = ZoneId.of("Asia/Riyadh");
    private static final ZoneId CAIRO_ZONE = ZoneId.of("Africa/Cairo");
    private static final LocalDate FROM = LocalDate.of(2026, 6, 28);
    private static final LocalDate TO = LocalDate.of(2026, 7, 4);

    private final DSLContext db;
    private final ScheduleProjection schedules;
    private final CalendarProjection calendars;
    private final InMemoryDirectoryFacts directory = new InMemoryDirectoryFacts();
    private final JooqAvailabilityReadModel readModel;
    private final UUID clinic = UUID.randomUUID();
    private final UUID riyadh = UUID.randomUUID();
    private final UUID cairo = UUID.randomUUID();
    private final UUID layla = UUID.randomUUID();
    private final UUID karim = UUID.randomUUID();
    private final UUID unscheduled = UUID.randomUUID();
    private final UUID laylaAtRiyadh = UUID.randomUUID();

    JooqAvailabilityReadModelTest(DSLContext db) {
        this.db = db;
        this.schedules = new ScheduleProjection(db);
        this.calendars = new CalendarProjection(db);
        this.readModel = new JooqAvailabilityReadModel(db, directory);
    }

    @BeforeEach
    void twoBranchesInTwoZonesAndTheirDoctors() {
        directory.branches.put(riyadh, new BranchFacts(riyadh, clinic, RIYADH_ZONE));
        directory.branches.put(cairo, new BranchFacts(cairo, clinic, CAIRO_ZONE));
        directory.doctors.put(
                layla,
                new DoctorFacts(layla, UUID.randomUUID(), clinic, Set.of(riyadh, cairo), Set.of("dermatology"), true));
        directory.doctors.put(
                karim, new DoctorFacts(karim, UUID.randomUUID(), clinic, Set.of(cairo), Set.of("paediatrics"), true));
        directory.doctors.put(
                unscheduled,
                new DoctorFacts(unscheduled, UUID.randomUUID(), clinic, Set.of(riyadh), Set.of("dermatology"), true));
        define(laylaAtRiyadh, layla, riyadh, List.of(ScheduleProjectionTest.MORNINGS, ScheduleProjectionTest.EVENINGS));
        define(UUID.randomUUID(), layla, cairo, List.of(ScheduleProjectionTest.EVENINGS));
        define(UUID.randomUUID(), karim, cairo, List.of(ScheduleProjectionTest.EVENINGS));
    }

    @Test
    void everyScheduledPlacementComesBackInItsBranchsZoneAndUnscheduledDoctorsDoNot() {
        List<ScheduledDoctor> found = readModel.scheduledDoctors(everyone(), FROM, TO, claimedWindow());

        assertThat(found)
                .extracting(d -> d.doctorId() + "@" + d.branchId() + " " + d.zone())
                .containsExactlyInAnyOrder(
                        layla + "@" + riyadh + " " + RIYADH_ZONE,
                        layla + "@" + cairo + " " + CAIRO_ZONE,
                        karim + "@" + cairo + " " + CAIRO_ZONE);
        assertThat(readModel.scheduledDoctors(
                        new SlotCriteria(Optional.of(karim), Optional.empty(), Optional.empty(), UUID.randomUUID()),
                        FROM,
                        TO,
                        claimedWindow()))
                .as("another clinic's search")
                .isEmpty();
    }

    @Test
    void onlyThePatternsValidSomewhereInTheRangeAreLoaded() {
        assertThat(laylaAtRiyadh(FROM, TO).workingHours())
                .containsExactly(ScheduleProjectionTest.MORNINGS, ScheduleProjectionTest.EVENINGS);
        assertThat(laylaAtRiyadh(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 7))
                        .workingHours())
                .containsExactly(ScheduleProjectionTest.MORNINGS);
        assertThat(laylaAtRiyadh(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 7))
                        .workingHours())
                .containsExactly(ScheduleProjectionTest.EVENINGS);
    }

    @Test
    void timeOffStillRunningOnTheFirstDayAndExtraSessionsStartingInTheRangeAreLoaded() {
        LocalPeriod startedEarlier = period("2026-06-20T00:00", "2026-06-29T00:00");
        LocalPeriod endedEarlier = period("2026-06-20T00:00", "2026-06-28T00:00");
        LocalPeriod overnight = period("2026-07-04T22:00", "2026-07-05T02:00");
        LocalPeriod farAhead = period("2026-07-06T00:00", "2026-07-07T00:00");
        timeOff(startedEarlier, 1);
        timeOff(endedEarlier, 2);
        timeOff(overnight, 3);
        timeOff(farAhead, 4);
        LocalPeriod lastDay = period("2026-07-04T23:00", "2026-07-05T01:00");
        LocalPeriod dayAfter = period("2026-07-05T09:00", "2026-07-05T12:00");
        extraSession(lastDay, 5);
        extraSession(dayAfter, 6);

        ScheduledDoctor loaded = laylaAtRiyadh(FROM, TO);

        assertThat(loaded.timeOff()).containsExactlyInAnyOrder(startedEarlier, overnight);
        assertThat(loaded.extraSessions()).containsExactly(lastDay);
    }

    @Test
    void theBranchsHolidaysInTheRangeAreLoadedWithItsSchedule() {
        UUID calendar = UUID.randomUUID();
        holiday(calendar, riyadh, LocalDate.of(2026, 7, 1), 0);
        holiday(calendar, riyadh, LocalDate.of(2026, 7, 10), 1);
        holiday(UUID.randomUUID(), cairo, LocalDate.of(2026, 7, 2), 0);

        assertThat(laylaAtRiyadh(FROM, TO).holidays()).containsExactly(LocalDate.of(2026, 7, 1));
    }

    @Test
    void theDoctorsClaimsAtEveryBranchOverlappingTheWindowAreLoadedToTheMillisecond() {
        Instant nine = Instant.parse("2026-06-29T06:00:00.123Z");
        claim(layla, cairo, 1, nine, nine.plusSeconds(1800));
        claim(layla, riyadh, 0, nine.plusSeconds(3600), nine.plusSeconds(5400));
        claim(layla, riyadh, 0, Instant.parse("2026-08-01T06:00:00Z"), Instant.parse("2026-08-01T07:00:00Z"));
        claim(karim, riyadh, 0, nine, nine.plusSeconds(1800));

        assertThat(laylaAtRiyadh(FROM, TO).claims())
                .containsExactlyInAnyOrder(
                        new ClaimedTime(1, new TimeRange(nine, nine.plusSeconds(1800))),
                        new ClaimedTime(0, new TimeRange(nine.plusSeconds(3600), nine.plusSeconds(5400))));
    }

    private ScheduledDoctor laylaAtRiyadh(LocalDate from, LocalDate to) {
        return readModel
                .scheduledDoctors(
                        new SlotCriteria(Optional.of(layla), Optional.empty(), Optional.of(riyadh), clinic),
                        from,
                        to,
                        new TimeRange(
                                from.atStartOfDay(RIYADH_ZONE).toInstant(),
                                to.plusDays(1).atStartOfDay(RIYADH_ZONE).toInstant()))
                .getFirst();
    }

    private SlotCriteria everyone() {
        return new SlotCriteria(Optional.empty(), Optional.empty(), Optional.empty(), clinic);
    }

    private static TimeRange claimedWindow() {
        return new TimeRange(Instant.parse("2026-06-27T00:00:00Z"), Instant.parse("2026-07-06T00:00:00Z"));
    }

    private void define(UUID schedule, UUID doctor, UUID branch, List<WorkingHours> hours) {
        schedules.on(new WorkingHoursDefined(schedule, doctor, branch, hours, List.of(), doctor, Instant.now()), 0);
    }

    private void timeOff(LocalPeriod period, long version) {
        schedules.on(
                new TimeOffAdded(laylaAtRiyadh, layla, riyadh, UUID.randomUUID(), period, layla, Instant.now()),
                version);
    }

    private void extraSession(LocalPeriod period, long version) {
        schedules.on(
                new ExtraSessionAdded(laylaAtRiyadh, layla, riyadh, UUID.randomUUID(), period, layla, Instant.now()),
                version);
    }

    private void holiday(UUID calendar, UUID branch, LocalDate date, long version) {
        calendars.on(
                new HolidayDeclared(
                        calendar, branch, date, new BilingualName("عطلة", "Holiday"), UUID.randomUUID(), Instant.now()),
                version);
    }

    private void claim(UUID doctor, UUID branch, int lane, Instant start, Instant end) {
        db.execute(
                "INSERT INTO slot_claim (appointment_id, doctor_id, branch_id, lane, period)"
                        + " VALUES (?, ?, ?, ?, tstzrange(?::timestamptz, ?::timestamptz, '[)'))",
                UUID.randomUUID(),
                doctor,
                branch,
                (short) lane,
                start.toString(),
                end.toString());
    }

    private static LocalPeriod period(String start, String end) {
        return new LocalPeriod(LocalDateTime.parse(start), LocalDateTime.parse(end));
    }
}
