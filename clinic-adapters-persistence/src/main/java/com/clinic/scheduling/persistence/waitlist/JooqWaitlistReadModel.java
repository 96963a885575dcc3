package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.scheduling.persistence.jooq.Tables.WAITLIST_ENTRY_VIEW;
import static org.jooq.impl.DSL.row;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView.OfferView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistRanking;
import com.clinic.scheduling.persistence.jooq.tables.WaitlistEntryView;
import com.clinic.scheduling.persistence.jooq.tables.records.WaitlistEntryViewRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Queries the waiting list in ranking order, (urgency_rank, joined_at, entry_id), which is also the
 * keyset of its pages. An open entry's position is counted in the same query: the open entries of its
 * queue (same branch, and same doctor or same specialty) that rank before it, plus one.
 */
@Repository
class JooqWaitlistReadModel implements WaitlistReadModel {

    private static final WaitlistEntryView E = WAITLIST_ENTRY_VIEW;
    private static final WaitlistEntryView AHEAD = WAITLIST_ENTRY_VIEW.as("ahead");
    private static final List<String> OPEN =
            List.of(WaitlistEntryStatus.WAITING.name(), WaitlistEntryStatus.OFFERED.name());

    private static final Field<Integer> POSITION = DSL.when(
                    E.STATUS.in(OPEN),
                    DSL.field(DSL.selectCount()
                                    .from(AHEAD)
                                    .where(
                                            AHEAD.BRANCH_ID.eq(E.BRANCH_ID),
                                            sameQueue(),
                                            AHEAD.STATUS.in(OPEN),
                                            row(AHEAD.URGENCY_RANK, AHEAD.JOINED_AT, AHEAD.ENTRY_ID)
                                                    .lt(row(E.URGENCY_RANK, E.JOINED_AT, E.ENTRY_ID))))
                            .plus(1))
            .as("position");

    private final DSLContext db;

    JooqWaitlistReadModel(DSLContext db) {
        this.db = db;
    }

    private static Condition sameQueue() {
        return AHEAD.DOCTOR_ID
                .eq(E.DOCTOR_ID)
                .or(E.DOCTOR_ID.isNull().and(AHEAD.DOCTOR_ID.isNull()).and(AHEAD.SPECIALTY.eq(E.SPECIALTY)));
    }

    @Override
    public Optional<com.clinic.scheduling.application.waitlist.port.WaitlistEntryView> entry(UUID entryId) {
        return db.select(E.asterisk(), POSITION)
                .from(E)
                .where(E.ENTRY_ID.eq(entryId))
                .fetchOptional(JooqWaitlistReadModel::view);
    }

    @Override
    public Page<com.clinic.scheduling.application.waitlist.port.WaitlistEntryView> list(
            Filter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        filter.patientId().ifPresent(id -> conditions.add(E.PATIENT_ID.eq(id)));
        filter.clinicId().ifPresent(id -> conditions.add(E.CLINIC_ID.eq(id)));
        filter.branchId().ifPresent(id -> conditions.add(E.BRANCH_ID.eq(id)));
        filter.doctorId().ifPresent(id -> conditions.add(E.DOCTOR_ID.eq(id)));
        filter.status().ifPresent(status -> conditions.add(E.STATUS.eq(status.name())));
        page.after()
                .map(Cursor::decode)
                .ifPresent(after -> conditions.add(row(E.URGENCY_RANK, E.JOINED_AT, E.ENTRY_ID)
                        .gt(after.rank(), after.joinedAt(), after.entryId())));
        List<Record> rows = db.select(E.asterisk(), POSITION)
                .from(E)
                .where(DSL.and(conditions))
                .orderBy(E.URGENCY_RANK, E.JOINED_AT, E.ENTRY_ID)
                .limit(page.limit() + 1)
                .fetch();
        boolean more = rows.size() > page.limit();
        List<Record> shown = more ? rows.subList(0, page.limit()) : rows;
        Optional<String> next =
                more ? Optional.of(Cursor.of(shown.getLast().into(E)).encode()) : Optional.empty();
        return new Page<>(shown.stream().map(JooqWaitlistReadModel::view).toList(), next);
    }

    @Override
    public List<Candidate> candidates(CandidateQuery query) {
        Condition target = E.DOCTOR_ID.eq(query.doctorId());
        if (!query.specialties().isEmpty()) {
            target = target.or(E.DOCTOR_ID.isNull().and(E.SPECIALTY.in(query.specialties())));
        }
        List<Condition> conditions = new ArrayList<>(List.of(
                E.STATUS.eq(WaitlistEntryStatus.WAITING.name()),
                E.BRANCH_ID.eq(query.branchId()),
                target,
                E.WINDOW_FROM.le(query.lastDate()),
                E.WINDOW_TO.ge(query.firstDate())));
        if (!query.excluded().isEmpty()) {
            conditions.add(E.ENTRY_ID.notIn(query.excluded()));
        }
        return db.selectFrom(E)
                .where(conditions)
                .orderBy(E.URGENCY_RANK, E.JOINED_AT, E.ENTRY_ID)
                .limit(query.limit())
                .fetch(row -> new Candidate(
                        row.getEntryId(),
                        row.getPatientId(),
                        criteria(row),
                        Urgency.valueOf(row.getUrgency()),
                        row.getJoinedAt()));
    }

    @Override
    public int positionFor(WaitlistCriteria criteria, WaitlistRanking.Key rank) {
        Condition queue = criteria.doctorId().map(E.DOCTOR_ID::eq).orElseGet(() -> E.DOCTOR_ID
                .isNull()
                .and(E.SPECIALTY.eq(criteria.specialty().orElseThrow())));
        return db.fetchCount(
                        E,
                        E.BRANCH_ID.eq(criteria.branchId()),
                        queue,
                        E.STATUS.in(OPEN),
                        row(E.URGENCY_RANK, E.JOINED_AT, E.ENTRY_ID)
                                .lt((short) rank.urgency().rank(), rank.joinedAt(), rank.entryId()))
                + 1;
    }

    @Override
    public Optional<UUID> openEntryFor(UUID patientId, WaitlistCriteria criteria) {
        return db.select(E.ENTRY_ID)
                .from(E)
                .where(
                        E.PATIENT_ID.eq(patientId),
                        E.STATUS.in(OPEN),
                        E.BRANCH_ID.eq(criteria.branchId()),
                        E.APPOINTMENT_TYPE_ID.eq(criteria.appointmentTypeId()),
                        E.DOCTOR_ID.isNotDistinctFrom(criteria.doctorId().orElse(null)),
                        E.SPECIALTY.isNotDistinctFrom(criteria.specialty().orElse(null)))
                .limit(1)
                .fetchOptional(E.ENTRY_ID);
    }

    private static WaitlistCriteria criteria(WaitlistEntryViewRecord row) {
        return new WaitlistCriteria(
                Optional.ofNullable(row.getDoctorId()),
                Optional.ofNullable(row.getSpecialty()),
                row.getBranchId(),
                row.getAppointmentTypeId(),
                row.getWindowFrom(),
                row.getWindowTo(),
                TimesOfDay.parse(row.getTimesOfDay()));
    }

    private static com.clinic.scheduling.application.waitlist.port.WaitlistEntryView view(Record record) {
        WaitlistEntryViewRecord row = record.into(E);
        Optional<OfferView> offer = Optional.ofNullable(row.getOfferAppointmentId())
                .map(appointmentId -> new OfferView(
                        appointmentId,
                        row.getOfferDoctorId(),
                        row.getOfferStart(),
                        row.getOfferEnd(),
                        row.getOfferExpiresAt()));
        return new com.clinic.scheduling.application.waitlist.port.WaitlistEntryView(
                row.getEntryId(),
                row.getPatientId(),
                row.getClinicId(),
                row.getBranchId(),
                Optional.ofNullable(row.getDoctorId()),
                Optional.ofNullable(row.getSpecialty()),
                row.getAppointmentTypeId(),
                row.getWindowFrom(),
                row.getWindowTo(),
                TimesOfDay.parse(row.getTimesOfDay()),
                Urgency.valueOf(row.getUrgency()),
                row.getJoinedAt(),
                WaitlistEntryStatus.valueOf(row.getStatus()),
                Optional.ofNullable(record.get(POSITION)),
                offer,
                Optional.ofNullable(row.getAppointmentId()),
                Optional.ofNullable(row.getClosedAt()),
                row.getVersion());
    }

    /** The keyset of the last row shown, opaque to clients. */
    private record Cursor(short rank, Instant joinedAt, UUID entryId) {

        static Cursor of(WaitlistEntryViewRecord row) {
            return new Cursor(row.getUrgencyRank(), row.getJoinedAt(), row.getEntryId());
        }

        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, joinedAt);
            String raw = rank + "|" + micros + "|" + entryId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("cursor has " + parts.length + " parts");
                }
                Instant joined = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                return new Cursor(Short.parseShort(parts[0]), joined, UUID.fromString(parts[2]));
            } catch (IllegalArgumentException malformed) {
                throw new Rejection.RuleViolated("page.cursor-invalid");
            }
        }
    }
}
