package com.clinic.scheduling.persistence.availability;

import static com.clinic.scheduling.persistence.jooq.Tables.BRANCH_HOLIDAY;
import static com.clinic.scheduling.persistence.jooq.Tables.DOCTOR_SCHEDULE;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_EXTRA_SESSION;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_TIME_OFF;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_WORKING_INTERVAL;
import static com.clinic.scheduling.persistence.jooq.Tables.SCHEDULE_WORKING_PERIOD;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.Placement;
import com.clinic.scheduling.application.availability.AvailabilityReadModel;
import com.clinic.scheduling.application.availability.HolidayView;
import com.clinic.scheduling.application.availability.ScheduleView;
import com.clinic.scheduling.domain.availability.ClaimedTime;
import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.ScheduledDoctor;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Schedules, holidays, and the query slot search runs. Which doctors work where, and each branch's
 * zone, belong to the directory: one call ({@link DirectoryFacts#placements}) names the candidate
 * doctor and branch pairs; then, for all of them, the applicable schedule rows and the doctor's
 * claims come back nested (MULTISET) in one statement, each part an index lookup per doctor. Two
 * round trips, whatever the number of doctors (ADR 0017).
 */
@Repository
class JooqAvailabilityReadModel implements AvailabilityReadModel {

    /*
     * slot_claim (V44, written by the bookings' claim ledger) is hidden from jOOQ's generator, which
     * cannot read TSTZRANGE or EXCLUDE; it is reached through plain SQL names instead.
     */
    private static final Table<Record> SLOT_CLAIM = DSL.table(DSL.name("slot_claim"));
    private static final Field<UUID> CLAIM_DOCTOR = DSL.field(DSL.name("slot_claim", "doctor_id"), SQLDataType.UUID);
    private static final Field<Short> CLAIM_LANE = DSL.field(DSL.name("slot_claim", "lane"), SQLDataType.SMALLINT);
    private static final Field<Object> PERIOD = DSL.field(DSL.name("slot_claim", "period"));

    // Claims come back as epoch milliseconds: jOOQ parses MULTISET's JSON timestamps about ten times
    // slower than numbers, which made thousands of claims cost hundreds of milliseconds.
    private static final Field<Long> PERIOD_START =
            DSL.field("(extract(epoch from lower({0})) * 1000)::bigint", SQLDataType.BIGINT, PERIOD);
    private static final Field<Long> PERIOD_END =
            DSL.field("(extract(epoch from upper({0})) * 1000)::bigint", SQLDataType.BIGINT, PERIOD);

    private static final Field<UUID> CANDIDATE_DOCTOR = DSL.field(DSL.name("candidate", "doctor_id"), SQLDataType.UUID);
    private static final Field<UUID> CANDIDATE_BRANCH = DSL.field(DSL.name("candidate", "branch_id"), SQLDataType.UUID);

    private final DSLContext db;
    private final DirectoryFacts directory;

    JooqAvailabilityReadModel(DSLContext db, DirectoryFacts directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public Optional<ScheduleView> schedule(UUID doctorId, UUID branchId) {
        var s = DOCTOR_SCHEDULE;
        var p = SCHEDULE_WORKING_PERIOD;
        var i = SCHEDULE_WORKING_INTERVAL;
        Field<List<WeeklyInterval>> intervals = multiset(select(i.DAY_OF_WEEK, i.START_TIME, i.END_TIME)
                        .from(i)
                        .where(i.SCHEDULE_ID.eq(p.SCHEDULE_ID), i.EFFECTIVE_FROM.eq(p.EFFECTIVE_FROM))
                        .orderBy(i.DAY_OF_WEEK, i.START_TIME))
                .convertFrom(rows -> rows.map(Records.mapping(JooqAvailabilityReadModel::interval)));
        Field<List<WorkingHours>> periods = multiset(select(p.EFFECTIVE_FROM, p.EFFECTIVE_TO, intervals)
                        .from(p)
                        .where(p.SCHEDULE_ID.eq(s.SCHEDULE_ID))
                        .orderBy(p.EFFECTIVE_FROM))
                .convertFrom(rows -> rows.map(Records.mapping((effectiveFrom, effectiveTo, weekly) ->
                        new WorkingHours(weekly, effectiveFrom, Optional.ofNullable(effectiveTo)))));
        Field<List<ScheduleView.Entry>> timeOff = multiset(select(
                                SCHEDULE_TIME_OFF.TIME_OFF_ID,
                                SCHEDULE_TIME_OFF.START_LOCAL,
                                SCHEDULE_TIME_OFF.END_LOCAL)
                        .from(SCHEDULE_TIME_OFF)
                        .where(SCHEDULE_TIME_OFF.SCHEDULE_ID.eq(s.SCHEDULE_ID))
                        .orderBy(SCHEDULE_TIME_OFF.START_LOCAL))
                .convertFrom(rows -> rows.map(Records.mapping(JooqAvailabilityReadModel::entry)));
        Field<List<ScheduleView.Entry>> extraSessions = multiset(select(
                                SCHEDULE_EXTRA_SESSION.SESSION_ID,
                                SCHEDULE_EXTRA_SESSION.START_LOCAL,
                                SCHEDULE_EXTRA_SESSION.END_LOCAL)
                        .from(SCHEDULE_EXTRA_SESSION)
                        .where(SCHEDULE_EXTRA_SESSION.SCHEDULE_ID.eq(s.SCHEDULE_ID))
                        .orderBy(SCHEDULE_EXTRA_SESSION.START_LOCAL))
                .convertFrom(rows -> rows.map(Records.mapping(JooqAvailabilityReadModel::entry)));
        return db.select(s.SCHEDULE_ID, s.DOCTOR_ID, s.BRANCH_ID, periods, timeOff, extraSessions, s.VERSION)
                .from(s)
                .where(s.DOCTOR_ID.eq(doctorId), s.BRANCH_ID.eq(branchId))
                .fetchOptional(Records.mapping(ScheduleView::new));
    }

    @Override
    public List<HolidayView> holidays(UUID branchId, LocalDate from, LocalDate to) {
        return db.select(
                        BRANCH_HOLIDAY.BRANCH_ID,
                        BRANCH_HOLIDAY.HOLIDAY_DATE,
                        BRANCH_HOLIDAY.NAME_AR,
                        BRANCH_HOLIDAY.NAME_EN)
                .from(BRANCH_HOLIDAY)
                .where(BRANCH_HOLIDAY.BRANCH_ID.eq(branchId), BRANCH_HOLIDAY.HOLIDAY_DATE.between(from, to))
                .orderBy(BRANCH_HOLIDAY.HOLIDAY_DATE)
                .fetch(Records.mapping(HolidayView::new));
    }

    @Override
    public List<ScheduledDoctor> scheduledDoctors(
            SlotCriteria criteria, LocalDate from, LocalDate to, TimeRange claimed) {
        List<Placement> placements = directory.placements(
                criteria.clinicId(), criteria.doctorId(), criteria.branchId(), criteria.specialty());
        if (placements.isEmpty()) {
            return List.of();
        }
        Map<Placed, ZoneId> zones = new HashMap<>();
        for (Placement placement : placements) {
            zones.put(new Placed(placement.doctorId(), placement.branchId()), placement.zone());
        }
        var s = DOCTOR_SCHEDULE;
        var i = SCHEDULE_WORKING_INTERVAL;
        var t = SCHEDULE_TIME_OFF;
        var e = SCHEDULE_EXTRA_SESSION;
        var h = BRANCH_HOLIDAY;

        Field<List<IntervalRow>> intervals = multiset(
                        select(i.EFFECTIVE_FROM, i.EFFECTIVE_TO, i.DAY_OF_WEEK, i.START_TIME, i.END_TIME)
                                .from(i)
                                .where(
                                        i.SCHEDULE_ID.eq(s.SCHEDULE_ID),
                                        i.EFFECTIVE_FROM.le(to),
                                        i.EFFECTIVE_TO.isNull().or(i.EFFECTIVE_TO.ge(from))))
                .convertFrom(rows -> rows.map(Records.mapping(IntervalRow::new)));
        // Time off that started earlier can still cover the first day; extra sessions count on the
        // day they start (and may run past midnight, which the time off bound allows for).
        Field<List<LocalPeriod>> timeOff = multiset(select(t.START_LOCAL, t.END_LOCAL)
                        .from(t)
                        .where(
                                t.SCHEDULE_ID.eq(s.SCHEDULE_ID),
                                t.END_LOCAL.gt(from.atStartOfDay()),
                                t.START_LOCAL.lt(to.plusDays(2).atStartOfDay())))
                .convertFrom(rows -> rows.map(Records.mapping(LocalPeriod::new)));
        Field<List<LocalPeriod>> extraSessions = multiset(select(e.START_LOCAL, e.END_LOCAL)
                        .from(e)
                        .where(
                                e.SCHEDULE_ID.eq(s.SCHEDULE_ID),
                                e.START_LOCAL.ge(from.atStartOfDay()),
                                e.START_LOCAL.lt(to.plusDays(1).atStartOfDay())))
                .convertFrom(rows -> rows.map(Records.mapping(LocalPeriod::new)));
        Field<Set<LocalDate>> holidays = multiset(select(h.HOLIDAY_DATE)
                        .from(h)
                        .where(h.BRANCH_ID.eq(s.BRANCH_ID), h.HOLIDAY_DATE.between(from, to)))
                .convertFrom(rows -> rows.collect(Records.intoSet()));
        // Claims of the doctor at every branch: a doctor is in one place at a time.
        Field<List<ClaimedTime>> claims = multiset(select(CLAIM_LANE, PERIOD_START, PERIOD_END)
                        .from(SLOT_CLAIM)
                        .where(CLAIM_DOCTOR.eq(s.DOCTOR_ID), overlaps(claimed)))
                .convertFrom(rows -> rows.map(Records.mapping((lane, startMillis, endMillis) -> new ClaimedTime(
                        lane, new TimeRange(Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis))))));

        // The pairs travel as two parallel arrays: two bind values, however many doctors the clinic has.
        Table<Record> candidates = DSL.table(
                        "unnest({0}, {1})",
                        DSL.val(placements.stream().map(Placement::doctorId).toArray(UUID[]::new)),
                        DSL.val(placements.stream().map(Placement::branchId).toArray(UUID[]::new)))
                .as("candidate", "doctor_id", "branch_id");
        return db.select(s.DOCTOR_ID, s.BRANCH_ID, intervals, timeOff, extraSessions, holidays, claims)
                .from(candidates)
                .join(s)
                .on(s.DOCTOR_ID.eq(CANDIDATE_DOCTOR), s.BRANCH_ID.eq(CANDIDATE_BRANCH))
                .fetch(Records.mapping((doctorId, branchId, weekly, away, extra, closed, taken) -> new ScheduledDoctor(
                        doctorId,
                        branchId,
                        zones.get(new Placed(doctorId, branchId)),
                        workingHours(weekly),
                        away,
                        extra,
                        closed,
                        taken)));
    }

    /** {@code period && tstzrange(start, end)}: answered by the GiST index on (doctor_id, period). */
    static Condition overlaps(TimeRange range) {
        return DSL.condition("{0} && tstzrange({1}, {2}, '[)')", PERIOD, DSL.val(range.start()), DSL.val(range.end()));
    }

    /** Rows of one pattern share their validity; they are grouped back into the patterns. */
    private static List<WorkingHours> workingHours(List<IntervalRow> rows) {
        Map<LocalDate, List<IntervalRow>> byPattern = new LinkedHashMap<>();
        for (IntervalRow row : rows) {
            byPattern
                    .computeIfAbsent(row.effectiveFrom(), k -> new ArrayList<>())
                    .add(row);
        }
        List<WorkingHours> hours = new ArrayList<>();
        for (List<IntervalRow> pattern : byPattern.values()) {
            IntervalRow first = pattern.getFirst();
            hours.add(new WorkingHours(
                    pattern.stream()
                            .map(row -> interval(row.dayOfWeek(), row.start(), row.end()))
                            .toList(),
                    first.effectiveFrom(),
                    Optional.ofNullable(first.effectiveTo())));
        }
        return hours;
    }

    private static WeeklyInterval interval(short isoDay, LocalTime start, LocalTime end) {
        return new WeeklyInterval(DayOfWeek.of(isoDay), start, end);
    }

    private static ScheduleView.Entry entry(UUID id, LocalDateTime start, LocalDateTime end) {
        return new ScheduleView.Entry(id, new LocalPeriod(start, end));
    }

    private record Placed(UUID doctorId, UUID branchId) {}

    private record IntervalRow(
            LocalDate effectiveFrom, LocalDate effectiveTo, Short dayOfWeek, LocalTime start, LocalTime end) {}
}
