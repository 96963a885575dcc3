package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.DOCTOR_SCHEDULE;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_EXTRA_SESSION;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_TIME_OFF;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_WORKING_INTERVAL;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_WORKING_PERIOD;

import com.clinic.scheduling.domain.availability.DoctorScheduleEvent;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.ExtraSessionRemoved;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffAdded;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.TimeOffRemoved;
import com.clinic.scheduling.domain.availability.DoctorScheduleEvent.WorkingHoursDefined;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Builds the schedule tables: one row per weekly interval (with its pattern's validity) and one
 * per dated exception. An event at or below the schedule's stored version was applied already and
 * is skipped, so redelivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(AvailabilityProcessing.GROUP)
class ScheduleProjection {

    private final DSLContext db;

    ScheduleProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(WorkingHoursDefined event, @SequenceNumber long version) {
        if (alreadyApplied(event.scheduleId(), version)) {
            return;
        }
        db.deleteFrom(SCHEDULE_WORKING_INTERVAL)
                .where(SCHEDULE_WORKING_INTERVAL.SCHEDULE_ID.eq(event.scheduleId()))
                .execute();
        db.deleteFrom(SCHEDULE_WORKING_PERIOD)
                .where(SCHEDULE_WORKING_PERIOD.SCHEDULE_ID.eq(event.scheduleId()))
                .execute();
        var periods = db.insertInto(
                SCHEDULE_WORKING_PERIOD,
                SCHEDULE_WORKING_PERIOD.SCHEDULE_ID,
                SCHEDULE_WORKING_PERIOD.EFFECTIVE_FROM,
                SCHEDULE_WORKING_PERIOD.EFFECTIVE_TO);
        var intervals = db.insertInto(
                SCHEDULE_WORKING_INTERVAL,
                SCHEDULE_WORKING_INTERVAL.SCHEDULE_ID,
                SCHEDULE_WORKING_INTERVAL.EFFECTIVE_FROM,
                SCHEDULE_WORKING_INTERVAL.EFFECTIVE_TO,
                SCHEDULE_WORKING_INTERVAL.DAY_OF_WEEK,
                SCHEDULE_WORKING_INTERVAL.START_TIME,
                SCHEDULE_WORKING_INTERVAL.END_TIME);
        int intervalCount = 0;
        for (WorkingHours hours : event.workingHours()) {
            periods = periods.values(
                    event.scheduleId(),
                    hours.effectiveFrom(),
                    hours.effectiveTo().orElse(null));
            for (WeeklyInterval interval : hours.intervals()) {
                intervals = intervals.values(
                        event.scheduleId(),
                        hours.effectiveFrom(),
                        hours.effectiveTo().orElse(null),
                        (short) interval.day().getValue(),
                        interval.start(),
                        interval.end());
                intervalCount++;
            }
        }
        if (!event.workingHours().isEmpty()) {
            periods.execute();
        }
        if (intervalCount > 0) {
            intervals.execute();
        }
        stamp(event, version);
    }

    @EventHandler
    void on(TimeOffAdded event, @SequenceNumber long version) {
        if (alreadyApplied(event.scheduleId(), version)) {
            return;
        }
        db.insertInto(SCHEDULE_TIME_OFF)
                .set(SCHEDULE_TIME_OFF.TIME_OFF_ID, event.timeOffId())
                .set(SCHEDULE_TIME_OFF.SCHEDULE_ID, event.scheduleId())
                .set(SCHEDULE_TIME_OFF.START_LOCAL, event.period().start())
                .set(SCHEDULE_TIME_OFF.END_LOCAL, event.period().end())
                .onConflict(SCHEDULE_TIME_OFF.TIME_OFF_ID)
                .doNothing()
                .execute();
        stamp(event, version);
    }

    @EventHandler
    void on(TimeOffRemoved event, @SequenceNumber long version) {
        if (alreadyApplied(event.scheduleId(), version)) {
            return;
        }
        db.deleteFrom(SCHEDULE_TIME_OFF)
                .where(SCHEDULE_TIME_OFF.TIME_OFF_ID.eq(event.timeOffId()))
                .execute();
        stamp(event, version);
    }

    @EventHandler
    void on(ExtraSessionAdded event, @SequenceNumber long version) {
        if (alreadyApplied(event.scheduleId(), version)) {
            return;
        }
        db.insertInto(SCHEDULE_EXTRA_SESSION)
                .set(SCHEDULE_EXTRA_SESSION.SESSION_ID, event.sessionId())
                .set(SCHEDULE_EXTRA_SESSION.SCHEDULE_ID, event.scheduleId())
                .set(SCHEDULE_EXTRA_SESSION.START_LOCAL, event.period().start())
                .set(SCHEDULE_EXTRA_SESSION.END_LOCAL, event.period().end())
                .onConflict(SCHEDULE_EXTRA_SESSION.SESSION_ID)
                .doNothing()
                .execute();
        stamp(event, version);
    }

    @EventHandler
    void on(ExtraSessionRemoved event, @SequenceNumber long version) {
        if (alreadyApplied(event.scheduleId(), version)) {
            return;
        }
        db.deleteFrom(SCHEDULE_EXTRA_SESSION)
                .where(SCHEDULE_EXTRA_SESSION.SESSION_ID.eq(event.sessionId()))
                .execute();
        stamp(event, version);
    }

    @ResetHandler
    void reset() {
        db.truncate(DOCTOR_SCHEDULE).execute();
        db.truncate(SCHEDULE_WORKING_PERIOD).execute();
        db.truncate(SCHEDULE_WORKING_INTERVAL).execute();
        db.truncate(SCHEDULE_TIME_OFF).execute();
        db.truncate(SCHEDULE_EXTRA_SESSION).execute();
    }

    private boolean alreadyApplied(UUID scheduleId, long version) {
        return db.fetchExists(
                DOCTOR_SCHEDULE, DOCTOR_SCHEDULE.SCHEDULE_ID.eq(scheduleId), DOCTOR_SCHEDULE.VERSION.ge(version));
    }

    /** Creates the schedule's row on its first event and records the version every event reaches. */
    private void stamp(DoctorScheduleEvent event, long version) {
        db.insertInto(DOCTOR_SCHEDULE)
                .set(DOCTOR_SCHEDULE.SCHEDULE_ID, event.scheduleId())
                .set(DOCTOR_SCHEDULE.DOCTOR_ID, event.doctorId())
                .set(DOCTOR_SCHEDULE.BRANCH_ID, event.branchId())
                .set(DOCTOR_SCHEDULE.VERSION, version)
                .onConflict(DOCTOR_SCHEDULE.SCHEDULE_ID)
                .doUpdate()
                .set(DOCTOR_SCHEDULE.VERSION, version)
                .execute();
    }
}
