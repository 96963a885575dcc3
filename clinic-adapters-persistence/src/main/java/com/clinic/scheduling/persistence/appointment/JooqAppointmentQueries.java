package com.clinic.scheduling.persistence.appointment;

import static com.clinic.platform.persistence.jooq.Tables.APPOINTMENT_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.DOCTOR_VIEW;
import static com.clinic.platform.persistence.jooq.Tables.PATIENT_VIEW;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.appointment.AppointmentQueries;
import com.clinic.scheduling.application.appointment.AppointmentView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record19;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Appointment reads, with patient and doctor names joined from the directory's read models. */
@Repository
class JooqAppointmentQueries implements AppointmentQueries {

    private static final List<String> NOT_ON_AGENDA = List.of("CANCELLED", "EXPIRED");

    private final DSLContext db;

    JooqAppointmentQueries(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<AppointmentView> find(UUID appointmentId) {
        return select().where(APPOINTMENT_VIEW.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional(JooqAppointmentQueries::toView);
    }

    @Override
    public List<AppointmentView> agenda(UUID doctorId, Optional<UUID> branchId, Instant from, Instant to) {
        Condition where = APPOINTMENT_VIEW
                .DOCTOR_ID
                .eq(doctorId)
                .and(APPOINTMENT_VIEW.START_AT.ge(utc(from)))
                .and(APPOINTMENT_VIEW.START_AT.lt(utc(to)))
                .and(APPOINTMENT_VIEW.STATUS.notIn(NOT_ON_AGENDA));
        if (branchId.isPresent()) {
            where = where.and(APPOINTMENT_VIEW.BRANCH_ID.eq(branchId.get()));
        }
        return select().where(where)
                .orderBy(APPOINTMENT_VIEW.START_AT, APPOINTMENT_VIEW.APPOINTMENT_ID)
                .fetch(JooqAppointmentQueries::toView);
    }

    @Override
    public List<AppointmentView> branchCalendar(UUID branchId, Optional<UUID> doctorId, Instant from, Instant to) {
        Condition where = APPOINTMENT_VIEW
                .BRANCH_ID
                .eq(branchId)
                .and(APPOINTMENT_VIEW.START_AT.ge(utc(from)))
                .and(APPOINTMENT_VIEW.START_AT.lt(utc(to)))
                .and(APPOINTMENT_VIEW.STATUS.notIn(NOT_ON_AGENDA));
        if (doctorId.isPresent()) {
            where = where.and(APPOINTMENT_VIEW.DOCTOR_ID.eq(doctorId.get()));
        }
        return select().where(where)
                .orderBy(APPOINTMENT_VIEW.START_AT, APPOINTMENT_VIEW.DOCTOR_ID, APPOINTMENT_VIEW.APPOINTMENT_ID)
                .limit(2000)
                .fetch(JooqAppointmentQueries::toView);
    }

    @Override
    public Page<AppointmentView> ofPatient(UUID patientId, boolean upcoming, Instant now, PageRequest page) {
        Condition where = APPOINTMENT_VIEW
                .PATIENT_ID
                .eq(patientId)
                .and(upcoming ? APPOINTMENT_VIEW.START_AT.ge(utc(now)) : APPOINTMENT_VIEW.START_AT.lt(utc(now)));
        if (page.after().isPresent()) {
            Cursor cursor = Cursor.decode(page.after().get());
            var key = DSL.row(APPOINTMENT_VIEW.START_AT, APPOINTMENT_VIEW.APPOINTMENT_ID);
            var at = DSL.row(DSL.val(utc(cursor.start())), DSL.val(cursor.appointmentId()));
            where = where.and(upcoming ? key.gt(at) : key.lt(at));
        }
        var order = upcoming
                ? List.of(APPOINTMENT_VIEW.START_AT.asc(), APPOINTMENT_VIEW.APPOINTMENT_ID.asc())
                : List.of(APPOINTMENT_VIEW.START_AT.desc(), APPOINTMENT_VIEW.APPOINTMENT_ID.desc());
        List<AppointmentView> rows =
                select().where(where).orderBy(order).limit(page.limit() + 1).fetch(JooqAppointmentQueries::toView);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<AppointmentView> items = rows.subList(0, page.limit());
        AppointmentView last = items.getLast();
        return new Page<>(items, Optional.of(new Cursor(last.start(), last.appointmentId()).encode()));
    }

    private SelectOnConditionStep<
                    Record19<
                            UUID,
                            UUID,
                            String,
                            String,
                            UUID,
                            String,
                            String,
                            UUID,
                            UUID,
                            UUID,
                            OffsetDateTime,
                            OffsetDateTime,
                            String,
                            OffsetDateTime,
                            Boolean,
                            UUID,
                            String,
                            Boolean,
                            Long>>
            select() {
        return db.select(
                        APPOINTMENT_VIEW.APPOINTMENT_ID,
                        APPOINTMENT_VIEW.PATIENT_ID,
                        PATIENT_VIEW.NAME_AR,
                        PATIENT_VIEW.NAME_EN,
                        APPOINTMENT_VIEW.DOCTOR_ID,
                        DOCTOR_VIEW.NAME_AR,
                        DOCTOR_VIEW.NAME_EN,
                        APPOINTMENT_VIEW.BRANCH_ID,
                        APPOINTMENT_VIEW.CLINIC_ID,
                        APPOINTMENT_VIEW.APPOINTMENT_TYPE_ID,
                        APPOINTMENT_VIEW.START_AT,
                        APPOINTMENT_VIEW.END_AT,
                        APPOINTMENT_VIEW.STATUS,
                        APPOINTMENT_VIEW.HOLD_UNTIL,
                        APPOINTMENT_VIEW.VIRTUAL,
                        APPOINTMENT_VIEW.SERIES_ID,
                        APPOINTMENT_VIEW.CANCEL_REASON,
                        APPOINTMENT_VIEW.LATE_CANCEL,
                        APPOINTMENT_VIEW.VERSION)
                .from(APPOINTMENT_VIEW)
                .leftJoin(PATIENT_VIEW)
                .on(PATIENT_VIEW.PATIENT_ID.eq(APPOINTMENT_VIEW.PATIENT_ID))
                .leftJoin(DOCTOR_VIEW)
                .on(DOCTOR_VIEW.DOCTOR_ID.eq(APPOINTMENT_VIEW.DOCTOR_ID));
    }

    private static AppointmentView toView(
            Record19<
                            UUID,
                            UUID,
                            String,
                            String,
                            UUID,
                            String,
                            String,
                            UUID,
                            UUID,
                            UUID,
                            OffsetDateTime,
                            OffsetDateTime,
                            String,
                            OffsetDateTime,
                            Boolean,
                            UUID,
                            String,
                            Boolean,
                            Long>
                    r) {
        return new AppointmentView(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8(),
                r.value9(),
                r.value10(),
                r.value11().toInstant(),
                r.value12().toInstant(),
                r.value13(),
                r.value14() == null ? null : r.value14().toInstant(),
                r.value15(),
                r.value16(),
                r.value17(),
                r.value18(),
                r.value19());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Opaque keyset cursor: the last row's start and id. */
    private record Cursor(Instant start, UUID appointmentId) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((start.toEpochMilli() + ":" + appointmentId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 2);
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
            } catch (RuntimeException malformed) {
                throw new Rejection.RuleViolated("page.cursor-invalid");
            }
        }
    }
}
