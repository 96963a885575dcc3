package com.clinic.scheduling.persistence.appointment;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_PARTY;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Claims and releases doctors' and patients' time as appointments are held, booked, moved, cancelled
 * or expire (and a no-show frees the patient who did not come).
 *
 * <p>This is not a projection: it runs in a subscribing processor, inside the unit of work and
 * database transaction of the command that produced the event, and its failures propagate. A claim
 * that collides with an exclusion constraint therefore rolls back the command's events too, and
 * the caller gets 409: {@code appointment.slot-taken} when the doctor's time is gone,
 * {@code appointment.patient-busy} when the patient already has an appointment overlapping it.
 * Every path that takes or frees time (REST, the waiting list, deadlines) goes through here, so each
 * invariant has one guard. It is never replayed.
 */
@Component
@ProcessingGroup(SlotClaimLedger.PROCESSING_GROUP)
public class SlotClaimLedger {

    public static final String PROCESSING_GROUP = "scheduling-claims";

    private final DSLContext db;

    SlotClaimLedger(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(SlotHeld event) {
        claim(event.appointmentId(), event.slot());
        claimPatient(event.appointmentId(), event.patientId(), event.slot());
        recordParties(event.appointmentId(), event.patientId(), event.slot());
    }

    @EventHandler
    void on(AppointmentBooked event) {
        claim(event.appointmentId(), event.slot());
        claimPatient(event.appointmentId(), event.patientId(), event.slot());
        recordParties(event.appointmentId(), event.patientId(), event.slot());
    }

    /** Old time is freed first so a move into an overlapping time does not collide with itself; a failed claim rolls both back. */
    @EventHandler
    void on(AppointmentRescheduled event) {
        release(event.appointmentId());
        claim(event.appointmentId(), event.to());
        // Whose the appointment is was written with its first claim, in an earlier transaction.
        UUID patientId = db.select(APPOINTMENT_PARTY.PATIENT_ID)
                .from(APPOINTMENT_PARTY)
                .where(APPOINTMENT_PARTY.APPOINTMENT_ID.eq(event.appointmentId()))
                .fetchSingle(APPOINTMENT_PARTY.PATIENT_ID);
        claimPatient(event.appointmentId(), patientId, event.to());
        db.update(APPOINTMENT_PARTY)
                .set(APPOINTMENT_PARTY.DOCTOR_ID, event.to().doctorId())
                .set(APPOINTMENT_PARTY.BRANCH_ID, event.to().branchId())
                .where(APPOINTMENT_PARTY.APPOINTMENT_ID.eq(event.appointmentId()))
                .execute();
    }

    @EventHandler
    void on(HoldExpired event) {
        release(event.appointmentId());
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        release(event.appointmentId());
    }

    /**
     * The patient did not come, so they are free to be seen elsewhere meanwhile. The doctor's time
     * stays claimed as before: it has started, and nothing can be booked in the past.
     */
    @EventHandler
    void on(AppointmentMarkedNoShow event) {
        releasePatient(event.appointmentId());
    }

    private void claim(UUID appointmentId, AppointmentSlot slot) {
        Instant from = slot.blocked().start();
        Instant to = slot.blocked().end();
        for (int lane = 0; lane < slot.capacity(); lane++) {
            // ON CONFLICT DO NOTHING also applies to exclusion constraints: a taken lane is skipped
            // without aborting the transaction, and a concurrent claim waits for the other to commit.
            int inserted = db.execute(
                    "INSERT INTO slot_claim (appointment_id, doctor_id, branch_id, lane, period) "
                            + "VALUES (?, ?, ?, ?, tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')) ON CONFLICT DO NOTHING",
                    appointmentId,
                    slot.doctorId(),
                    slot.branchId(),
                    (short) lane,
                    from,
                    to);
            if (inserted == 1) {
                return;
            }
        }
        throw new Rejection.Conflict("appointment.slot-taken");
    }

    /** One patient, one place at a time; the appointment's own time, since the buffers are the doctor's. */
    private void claimPatient(UUID appointmentId, UUID patientId, AppointmentSlot slot) {
        int inserted = db.execute(
                "INSERT INTO patient_claim (appointment_id, patient_id, period) "
                        + "VALUES (?, ?, tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')) ON CONFLICT DO NOTHING",
                appointmentId,
                patientId,
                slot.time().start(),
                slot.time().end());
        if (inserted != 1) {
            throw new Rejection.Conflict("appointment.patient-busy");
        }
    }

    private void recordParties(UUID appointmentId, UUID patientId, AppointmentSlot slot) {
        db.insertInto(APPOINTMENT_PARTY)
                .set(APPOINTMENT_PARTY.APPOINTMENT_ID, appointmentId)
                .set(APPOINTMENT_PARTY.PATIENT_ID, patientId)
                .set(APPOINTMENT_PARTY.DOCTOR_ID, slot.doctorId())
                .set(APPOINTMENT_PARTY.BRANCH_ID, slot.branchId())
                .set(APPOINTMENT_PARTY.CLINIC_ID, slot.clinicId())
                .onConflictDoNothing()
                .execute();
    }

    private void release(UUID appointmentId) {
        db.execute("DELETE FROM slot_claim WHERE appointment_id = ?", appointmentId);
        releasePatient(appointmentId);
    }

    private void releasePatient(UUID appointmentId) {
        db.execute("DELETE FROM patient_claim WHERE appointment_id = ?", appointmentId);
    }
}
