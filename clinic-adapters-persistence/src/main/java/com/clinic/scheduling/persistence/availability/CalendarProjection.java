package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.BRANCH_CALENDAR;
import static com.clinic.scheduling.persistence.jooq.Tables.BRANCH_HOLIDAY;

import com.clinic.scheduling.domain.availability.BranchCalendarEvent;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayCancelled;
import com.clinic.scheduling.domain.availability.BranchCalendarEvent.HolidayDeclared;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds branch_holiday; the calendar's stored version makes redelivered events harmless. */
@Component
@ProcessingGroup(AvailabilityProcessing.GROUP)
class CalendarProjection {

    private final DSLContext db;

    CalendarProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(HolidayDeclared event, @SequenceNumber long version) {
        if (alreadyApplied(event.calendarId(), version)) {
            return;
        }
        db.insertInto(BRANCH_HOLIDAY)
                .set(BRANCH_HOLIDAY.BRANCH_ID, event.branchId())
                .set(BRANCH_HOLIDAY.HOLIDAY_DATE, event.date())
                .set(BRANCH_HOLIDAY.NAME_AR, event.name().ar())
                .set(BRANCH_HOLIDAY.NAME_EN, event.name().en())
                .onConflict(BRANCH_HOLIDAY.BRANCH_ID, BRANCH_HOLIDAY.HOLIDAY_DATE)
                .doUpdate()
                .set(BRANCH_HOLIDAY.NAME_AR, event.name().ar())
                .set(BRANCH_HOLIDAY.NAME_EN, event.name().en())
                .execute();
        stamp(event, version);
    }

    @EventHandler
    void on(HolidayCancelled event, @SequenceNumber long version) {
        if (alreadyApplied(event.calendarId(), version)) {
            return;
        }
        db.deleteFrom(BRANCH_HOLIDAY)
                .where(BRANCH_HOLIDAY.BRANCH_ID.eq(event.branchId()), BRANCH_HOLIDAY.HOLIDAY_DATE.eq(event.date()))
                .execute();
        stamp(event, version);
    }

    @ResetHandler
    void reset() {
        db.truncate(BRANCH_CALENDAR).execute();
        db.truncate(BRANCH_HOLIDAY).execute();
    }

    private boolean alreadyApplied(UUID calendarId, long version) {
        return db.fetchExists(
                BRANCH_CALENDAR, BRANCH_CALENDAR.CALENDAR_ID.eq(calendarId), BRANCH_CALENDAR.VERSION.ge(version));
    }

    private void stamp(BranchCalendarEvent event, long version) {
        db.insertInto(BRANCH_CALENDAR)
                .set(BRANCH_CALENDAR.CALENDAR_ID, event.calendarId())
                .set(BRANCH_CALENDAR.BRANCH_ID, event.branchId())
                .set(BRANCH_CALENDAR.VERSION, version)
                .onConflict(BRANCH_CALENDAR.CALENDAR_ID)
                .doUpdate()
                .set(BRANCH_CALENDAR.VERSION, version)
                .execute();
    }
}
