package com.clinic.scheduling.persistence.appointment;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_VIEW;

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
import com.clinic.scheduling.persistence.jooq.tables.records.AppointmentViewRecord;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.UpdateSetMoreStep;
import org.springframework.stereotype.Component;

/**
 * Projects appointment events into {@code appointment_view}. Idempotent: a creation is an upsert and
 * every change is guarded by the event's sequence number, so redelivery or a replay never moves a
 * row backwards.
 */
@Component
@ProcessingGroup("scheduling-appointments")
class AppointmentProjection {

    private final DSLContext db;
    private final ProjectionWrites writes;

    AppointmentProjection(DSLContext db, ProjectionWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    @EventHandler
    void on(SlotHeld event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(create(event.appointmentId(), event.patientId(), event.slot(), "HELD", version, at)
                .set(APPOINTMENT_VIEW.HOLD_UNTIL, event.holdUntil())
                .set(APPOINTMENT_VIEW.WAITLIST_ENTRY_ID, event.waitlistEntryId().orElse(null))
                .set(APPOINTMENT_VIEW.BOOKED_BY, event.heldBy())
                .onConflictDoNothing());
    }

    @EventHandler
    void on(AppointmentBooked event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(create(event.appointmentId(), event.patientId(), event.slot(), "BOOKED", version, at)
                .set(APPOINTMENT_VIEW.SERIES_ID, event.seriesId().orElse(null))
                .set(APPOINTMENT_VIEW.BOOKED_BY, event.bookedBy())
                .onConflictDoNothing());
    }

    @EventHandler
    void on(HoldConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(change(event.appointmentId(), "BOOKED", version, at)
                .set(APPOINTMENT_VIEW.HOLD_UNTIL, (Instant) null)
                .where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(HoldExpired event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(
                change(event.appointmentId(), "EXPIRED", version, at).where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(AppointmentRescheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(change(event.appointmentId(), "BOOKED", version, at)
                .set(APPOINTMENT_VIEW.DOCTOR_ID, event.to().doctorId())
                .set(APPOINTMENT_VIEW.BRANCH_ID, event.to().branchId())
                .set(APPOINTMENT_VIEW.APPOINTMENT_TYPE_ID, event.to().appointmentTypeId())
                .set(APPOINTMENT_VIEW.START_AT, event.to().time().start())
                .set(APPOINTMENT_VIEW.END_AT, event.to().time().end())
                .set(APPOINTMENT_VIEW.VIRTUAL, event.to().virtual())
                .where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(AppointmentCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(change(event.appointmentId(), "CANCELLED", version, at)
                .set(APPOINTMENT_VIEW.CANCEL_REASON, event.reason().name())
                .set(APPOINTMENT_VIEW.LATE_CANCEL, event.late())
                .where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(PatientCheckedIn event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(change(event.appointmentId(), "CHECKED_IN", version, at)
                .set(APPOINTMENT_VIEW.CHECKED_IN_AT, event.at())
                .where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(ConsultationStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(change(event.appointmentId(), "IN_CONSULTATION", version, at)
                .set(APPOINTMENT_VIEW.STARTED_AT, event.at())
                .where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(AppointmentCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(change(event.appointmentId(), "COMPLETED", version, at)
                .set(APPOINTMENT_VIEW.COMPLETED_AT, event.at())
                .where(current(event.appointmentId(), version)));
    }

    @EventHandler
    void on(AppointmentMarkedNoShow event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.execute(
                change(event.appointmentId(), "NO_SHOW", version, at).where(current(event.appointmentId(), version)));
    }

    @ResetHandler
    void reset() {
        db.truncate(APPOINTMENT_VIEW).execute();
    }

    /** A creation event is always the stream's first, so a redelivered one finds its row and does nothing. */
    private InsertSetMoreStep<AppointmentViewRecord> create(
            UUID appointmentId, UUID patientId, AppointmentSlot slot, String status, long version, Instant at) {
        return db.insertInto(APPOINTMENT_VIEW)
                .set(APPOINTMENT_VIEW.APPOINTMENT_ID, appointmentId)
                .set(APPOINTMENT_VIEW.PATIENT_ID, patientId)
                .set(APPOINTMENT_VIEW.DOCTOR_ID, slot.doctorId())
                .set(APPOINTMENT_VIEW.BRANCH_ID, slot.branchId())
                .set(APPOINTMENT_VIEW.CLINIC_ID, slot.clinicId())
                .set(APPOINTMENT_VIEW.APPOINTMENT_TYPE_ID, slot.appointmentTypeId())
                .set(APPOINTMENT_VIEW.START_AT, slot.time().start())
                .set(APPOINTMENT_VIEW.END_AT, slot.time().end())
                .set(APPOINTMENT_VIEW.STATUS, status)
                .set(APPOINTMENT_VIEW.VIRTUAL, slot.virtual())
                .set(APPOINTMENT_VIEW.VERSION, version)
                .set(APPOINTMENT_VIEW.UPDATED_AT, at);
    }

    private UpdateSetMoreStep<AppointmentViewRecord> change(
            UUID appointmentId, String status, long version, Instant at) {
        return db.update(APPOINTMENT_VIEW)
                .set(APPOINTMENT_VIEW.STATUS, status)
                .set(APPOINTMENT_VIEW.VERSION, version)
                .set(APPOINTMENT_VIEW.UPDATED_AT, at);
    }

    private static Condition current(UUID appointmentId, long version) {
        return APPOINTMENT_VIEW.APPOINTMENT_ID.eq(appointmentId).and(APPOINTMENT_VIEW.VERSION.lt(version));
    }
}
