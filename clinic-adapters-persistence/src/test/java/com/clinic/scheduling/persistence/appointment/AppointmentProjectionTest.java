package com.clinic.scheduling.persistence.appointment;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.ProjectionWrites;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.ConsultationStarted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldConfirmed;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.PatientCheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.persistence.Slots;
import com.clinic.scheduling.persistence.jooq.tables.records.AppointmentViewRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class AppointmentProjectionTest {

    private static final Instant NINE = Instant.parse("2026-07-01T09:00:00.000123Z");
    private static final Instant BOOKED_AT = Instant.parse("2026-06-20T12:00:00Z");

    private final DSLContext db;
    private final AppointmentProjection projection;
    private final Slots slots = Slots.anywhere();
    private final UUID appointment = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();
    private final AppointmentSlot slot = slots.slot(doctor, NINE, 30);

    AppointmentProjectionTest(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.projection = new AppointmentProjection(db, writes);
    }

    @Test
    void aHoldIsShownHeldUntilItsDeadlineAndAConfirmationBooksIt() {
        UUID entry = UUID.randomUUID();
        Instant holdUntil = BOOKED_AT.plusSeconds(600);
        projection.on(
                new SlotHeld(appointment, patient, slot, holdUntil, patient, Optional.of(entry), BOOKED_AT),
                0,
                BOOKED_AT);

        assertThat(row()).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("HELD");
            assertThat(row.getHoldUntil()).isEqualTo(holdUntil);
            assertThat(row.getWaitlistEntryId()).isEqualTo(entry);
            assertThat(row.getStartAt()).isEqualTo(NINE);
            assertThat(row.getEndAt()).isEqualTo(NINE.plusSeconds(1800));
            assertThat(row.getDoctorId()).isEqualTo(doctor);
            assertThat(row.getClinicId()).isEqualTo(slots.clinicId());
            assertThat(row.getBookedBy()).isEqualTo(patient);
        });

        projection.on(new HoldConfirmed(appointment, patient, slot, patient, BOOKED_AT), 1, BOOKED_AT.plusSeconds(60));

        assertThat(row()).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("BOOKED");
            assertThat(row.getHoldUntil()).isNull();
            assertThat(row.getVersion()).isEqualTo(1);
            assertThat(row.getUpdatedAt()).isEqualTo(BOOKED_AT.plusSeconds(60));
        });
    }

    @Test
    void aVisitMovesThroughCheckInConsultationAndCompletion() {
        UUID series = UUID.randomUUID();
        projection.on(
                new AppointmentBooked(appointment, patient, slot, patient, Optional.of(series), BOOKED_AT),
                0,
                BOOKED_AT);
        projection.on(new PatientCheckedIn(appointment, patient, slot, patient, NINE.minusSeconds(300)), 1, NINE);
        assertThat(row().getStatus()).isEqualTo("CHECKED_IN");
        projection.on(new ConsultationStarted(appointment, slot, NINE.plusSeconds(60)), 2, NINE);
        assertThat(row().getStatus()).isEqualTo("IN_CONSULTATION");

        projection.on(
                new AppointmentCompleted(appointment, slot, NINE.plusSeconds(60), NINE.plusSeconds(1500)), 3, NINE);

        assertThat(row()).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("COMPLETED");
            assertThat(row.getSeriesId()).isEqualTo(series);
            assertThat(row.getCheckedInAt()).isEqualTo(NINE.minusSeconds(300));
            assertThat(row.getStartedAt()).isEqualTo(NINE.plusSeconds(60));
            assertThat(row.getCompletedAt()).isEqualTo(NINE.plusSeconds(1500));
        });
    }

    @Test
    void aRescheduleMovesTheAppointmentAndALateCancellationIsRecordedWithItsReason() {
        projection.on(booked(), 0, BOOKED_AT);
        UUID otherDoctor = UUID.randomUUID();
        AppointmentSlot to = slots.slot(otherDoctor, NINE.plusSeconds(86_400), 45);

        projection.on(new AppointmentRescheduled(appointment, slot, to, patient, BOOKED_AT), 1, BOOKED_AT);
        assertThat(row()).satisfies(row -> {
            assertThat(row.getDoctorId()).isEqualTo(otherDoctor);
            assertThat(row.getStartAt()).isEqualTo(NINE.plusSeconds(86_400));
            assertThat(row.getEndAt()).isEqualTo(NINE.plusSeconds(86_400 + 45 * 60));
        });
        projection.on(
                new AppointmentCancelled(
                        appointment, to, CancellationReason.PATIENT_REQUEST, "ill", true, false, patient, NINE),
                2,
                NINE);

        assertThat(row()).satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("CANCELLED");
            assertThat(row.getCancelReason()).isEqualTo("PATIENT_REQUEST");
            assertThat(row.getLateCancel()).isTrue();
        });
    }

    @Test
    void anExpiredHoldAndANoShowEachEndTheAppointment() {
        UUID missed = UUID.randomUUID();
        projection.on(
                new SlotHeld(appointment, patient, slot, BOOKED_AT, patient, Optional.empty(), BOOKED_AT),
                0,
                BOOKED_AT);
        projection.on(new AppointmentBooked(missed, patient, slot, patient, Optional.empty(), BOOKED_AT), 0, BOOKED_AT);

        projection.on(new HoldExpired(appointment, slot, Optional.empty(), BOOKED_AT), 1, BOOKED_AT);
        projection.on(new AppointmentMarkedNoShow(missed, patient, slot, true, NINE), 1, NINE);

        assertThat(row().getStatus()).isEqualTo("EXPIRED");
        assertThat(db.fetchSingle(APPOINTMENT_VIEW, APPOINTMENT_VIEW.APPOINTMENT_ID.eq(missed))
                        .getStatus())
                .isEqualTo("NO_SHOW");
    }

    @Test
    void eventsDeliveredAgainOrOutOfOrderNeverMoveTheRowBackwards() {
        AppointmentBooked booked = booked();
        PatientCheckedIn checkedIn = new PatientCheckedIn(appointment, patient, slot, patient, NINE);
        AppointmentCancelled cancelled =
                new AppointmentCancelled(appointment, slot, CancellationReason.OTHER, "", false, false, patient, NINE);
        projection.on(booked, 0, BOOKED_AT);
        projection.on(checkedIn, 1, NINE);
        projection.on(cancelled, 2, NINE);
        AppointmentViewRecord once = row();

        projection.on(booked, 0, BOOKED_AT);
        projection.on(checkedIn, 1, NINE);
        projection.on(cancelled, 2, NINE);

        assertThat(row()).isEqualTo(once);
        assertThat(once.getStatus()).isEqualTo("CANCELLED");
        assertThat(db.fetchCount(APPOINTMENT_VIEW)).isEqualTo(1);
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(booked(), 0, BOOKED_AT);

        projection.reset();

        assertThat(db.fetchCount(APPOINTMENT_VIEW)).isZero();
    }

    private AppointmentBooked booked() {
        return new AppointmentBooked(appointment, patient, slot, patient, Optional.empty(), BOOKED_AT);
    }

    private AppointmentViewRecord row() {
        return db.fetchSingle(APPOINTMENT_VIEW, APPOINTMENT_VIEW.APPOINTMENT_ID.eq(appointment));
    }
}
