package com.clinic.scheduling.persistence.appointment;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_VIEW;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.NameBook;
import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.application.appointment.AppointmentQueries;
import com.clinic.scheduling.application.appointment.AppointmentView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Appointment reads. Patient and doctor names belong to the directory: they are fetched for the
 * whole result in one batch ({@link DirectoryFacts#names}) and merged here, so a calendar of 2000
 * rows costs two statements, not a join into another context's tables nor a lookup per row.
 */
@Repository
class JooqAppointmentQueries implements AppointmentQueries {

    private static final List<String> NOT_ON_AGENDA = List.of("CANCELLED", "EXPIRED");

    private final DSLContext db;
    private final DirectoryFacts directory;

    JooqAppointmentQueries(DSLContext db, DirectoryFacts directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public Optional<AppointmentView> find(UUID appointmentId) {
        return named(select().where(APPOINTMENT_VIEW.APPOINTMENT_ID.eq(appointmentId))
                        .fetch())
                .stream()
                .findFirst();
    }

    @Override
    public List<AppointmentView> agenda(UUID doctorId, Optional<UUID> branchId, Instant from, Instant to) {
        Condition where = APPOINTMENT_VIEW
                .DOCTOR_ID
                .eq(doctorId)
                .and(APPOINTMENT_VIEW.START_AT.ge(from))
                .and(APPOINTMENT_VIEW.START_AT.lt(to))
                .and(APPOINTMENT_VIEW.STATUS.notIn(NOT_ON_AGENDA));
        if (branchId.isPresent()) {
            where = where.and(APPOINTMENT_VIEW.BRANCH_ID.eq(branchId.get()));
        }
        return named(select().where(where)
                .orderBy(APPOINTMENT_VIEW.START_AT, APPOINTMENT_VIEW.APPOINTMENT_ID)
                .fetch());
    }

    @Override
    public List<AppointmentView> branchCalendar(UUID branchId, Optional<UUID> doctorId, Instant from, Instant to) {
        Condition where = APPOINTMENT_VIEW
                .BRANCH_ID
                .eq(branchId)
                .and(APPOINTMENT_VIEW.START_AT.ge(from))
                .and(APPOINTMENT_VIEW.START_AT.lt(to))
                .and(APPOINTMENT_VIEW.STATUS.notIn(NOT_ON_AGENDA));
        if (doctorId.isPresent()) {
            where = where.and(APPOINTMENT_VIEW.DOCTOR_ID.eq(doctorId.get()));
        }
        return named(select().where(where)
                .orderBy(APPOINTMENT_VIEW.START_AT, APPOINTMENT_VIEW.DOCTOR_ID, APPOINTMENT_VIEW.APPOINTMENT_ID)
                .limit(2000)
                .fetch());
    }

    @Override
    public Page<AppointmentView> ofPatient(UUID patientId, boolean upcoming, Instant now, PageRequest page) {
        Condition where = APPOINTMENT_VIEW
                .PATIENT_ID
                .eq(patientId)
                .and(upcoming ? APPOINTMENT_VIEW.START_AT.ge(now) : APPOINTMENT_VIEW.START_AT.lt(now));
        if (page.after().isPresent()) {
            Cursor cursor = Cursor.decode(page.after().get());
            var key = DSL.row(APPOINTMENT_VIEW.START_AT, APPOINTMENT_VIEW.APPOINTMENT_ID);
            var at = DSL.row(DSL.val(cursor.start()), DSL.val(cursor.appointmentId()));
            where = where.and(upcoming ? key.gt(at) : key.lt(at));
        }
        var order = upcoming
                ? List.of(APPOINTMENT_VIEW.START_AT.asc(), APPOINTMENT_VIEW.APPOINTMENT_ID.asc())
                : List.of(APPOINTMENT_VIEW.START_AT.desc(), APPOINTMENT_VIEW.APPOINTMENT_ID.desc());
        List<AppointmentView> rows = named(
                select().where(where).orderBy(order).limit(page.limit() + 1).fetch());
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<AppointmentView> items = rows.subList(0, page.limit());
        AppointmentView last = items.getLast();
        return new Page<>(items, Optional.of(new Cursor(last.start(), last.appointmentId()).encode()));
    }

    private SelectJoinStep<Record> select() {
        return db.select(APPOINTMENT_VIEW.fields()).from(APPOINTMENT_VIEW);
    }

    /** The rows as views, with the names of their patients and doctors looked up in one batch. */
    private List<AppointmentView> named(List<Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        NameBook names = directory.names(
                rows.stream().map(r -> r.get(APPOINTMENT_VIEW.PATIENT_ID)).toList(),
                rows.stream().map(r -> r.get(APPOINTMENT_VIEW.DOCTOR_ID)).toList());
        return rows.stream().map(r -> toView(r, names)).toList();
    }

    private static AppointmentView toView(Record r, NameBook names) {
        var a = APPOINTMENT_VIEW;
        Names patient = names.patient(r.get(a.PATIENT_ID));
        Names doctor = names.doctor(r.get(a.DOCTOR_ID));
        return new AppointmentView(
                r.get(a.APPOINTMENT_ID),
                r.get(a.PATIENT_ID),
                patient.nameAr(),
                patient.nameEn(),
                r.get(a.DOCTOR_ID),
                doctor.nameAr(),
                doctor.nameEn(),
                r.get(a.BRANCH_ID),
                r.get(a.CLINIC_ID),
                r.get(a.APPOINTMENT_TYPE_ID),
                r.get(a.START_AT),
                r.get(a.END_AT),
                r.get(a.STATUS),
                r.get(a.HOLD_UNTIL),
                r.get(a.VIRTUAL),
                r.get(a.SERIES_ID),
                r.get(a.CANCEL_REASON),
                r.get(a.LATE_CANCEL),
                r.get(a.VERSION));
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
