package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.DOCTOR_SCHEDULE;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_EXTRA_SESSION;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_TIME_OFF;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_WORKING_INTERVAL;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_WORKING_PERIOD;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.availability.ScheduleView;
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
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class ScheduleProjectionTest {

    static final WorkingHours MORNINGS = new WorkingHours(
            List.of(
                    new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new WeeklyInterval(DayOfWeek.SUNDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))),
            LocalDate.of(2026, 1, 1),
            Optional.of(LocalDate.of(2026, 6, 30)));
    static final WorkingHours EVENINGS = new WorkingHours(
            List.of(new WeeklyInterval(DayOfWeek.TUESDAY, LocalTime.of(17, 0), LocalTime.of(21, 30))),
            LocalDate.of(2026, 7, 1),
            Optional.empty());

    private final DSLContext db;
    private final ScheduleProjection projection;
    private final JooqAvailabilityReadModel readModel;
    private final UUID schedule = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();

    ScheduleProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new ScheduleProjection(db);
        this.readModel = new JooqAvailabilityReadModel(db, new InMemoryDirectoryFacts());
    }

    @Test
    void definedWorkingHoursAreReadBackAsTheirPatternsInDateOrder() {
        projection.on(defined(List.of(EVENINGS, MORNINGS)), 0);

        assertThat(readModel.schedule(doctor, branch)).hasValueSatisfying(view -> {
            assertThat(view.scheduleId()).isEqualTo(schedule);
            assertThat(view.workingHours()).containsExactly(MORNINGS, EVENINGS);
            assertThat(view.version()).isZero();
        });
        assertThat(readModel.schedule(doctor, UUID.randomUUID())).isEmpty();
    }

    @Test
    void redefiningWorkingHoursReplacesEveryEarlierPattern() {
        projection.on(defined(List.of(MORNINGS, EVENINGS)), 0);

        projection.on(defined(List.of(EVENINGS)), 1);

        assertThat(readModel.schedule(doctor, branch).orElseThrow().workingHours())
                .containsExactly(EVENINGS);
        assertThat(db.fetchCount(SCHEDULE_WORKING_INTERVAL)).isEqualTo(1);
        assertThat(db.fetchCount(SCHEDULE_WORKING_PERIOD)).isEqualTo(1);
    }

    @Test
    void timeOffAndExtraSessionsComeAndGoAndAReplayedEventChangesNothing() {
        UUID timeOff = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        LocalPeriod leave = new LocalPeriod(LocalDateTime.of(2026, 2, 1, 0, 0), LocalDateTime.of(2026, 2, 8, 0, 0));
        LocalPeriod saturday =
                new LocalPeriod(LocalDateTime.of(2026, 2, 14, 9, 0), LocalDateTime.of(2026, 2, 14, 13, 0));
        TimeOffAdded leaveAdded = new TimeOffAdded(schedule, doctor, branch, timeOff, leave, doctor, Instant.now());
        projection.on(defined(List.of(MORNINGS)), 0);
        projection.on(leaveAdded, 1);
        projection.on(new ExtraSessionAdded(schedule, doctor, branch, session, saturday, doctor, Instant.now()), 2);

        ScheduleView view = readModel.schedule(doctor, branch).orElseThrow();
        assertThat(view.timeOff()).containsExactly(new ScheduleView.Entry(timeOff, leave));
        assertThat(view.extraSessions()).containsExactly(new ScheduleView.Entry(session, saturday));

        projection.on(new TimeOffRemoved(schedule, doctor, branch, timeOff, leave, doctor, Instant.now()), 3);
        projection.on(new ExtraSessionRemoved(schedule, doctor, branch, session, saturday, doctor, Instant.now()), 4);
        projection.on(leaveAdded, 1);

        ScheduleView after = readModel.schedule(doctor, branch).orElseThrow();
        assertThat(after.timeOff()).isEmpty();
        assertThat(after.extraSessions()).isEmpty();
        assertThat(after.version()).isEqualTo(4);
    }

    @Test
    void aResetEmptiesEveryScheduleTable() {
        projection.on(defined(List.of(MORNINGS)), 0);

        projection.reset();

        assertThat(db.fetchCount(DOCTOR_SCHEDULE)
                        + db.fetchCount(SCHEDULE_WORKING_PERIOD)
                        + db.fetchCount(SCHEDULE_WORKING_INTERVAL)
                        + db.fetchCount(SCHEDULE_TIME_OFF)
                        + db.fetchCount(SCHEDULE_EXTRA_SESSION))
                .isZero();
    }

    private WorkingHoursDefined defined(List<WorkingHours> hours) {
        return new WorkingHoursDefined(schedule, doctor, branch, hours, List.of(), doctor, Instant.now());
    }
}
