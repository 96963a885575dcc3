package com.clinic.scheduling.persistence.appointment;

import static com.clinic.scheduling.persistence.jooq.Tables.APPOINTMENT_PARTY;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
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
 * invariant has one guard. It is never replayed behind the commands' back; it is rebuilt from the
 * event store only by {@link SlotClaimRebuild}, with the same {@link #apply}, in one transaction that
 * keeps commands from claiming meanwhile (ADR 0020).
 */
@Component
@ProcessingGroup(SlotClaimLedger.PROCESSING_GROUP)
public class SlotClaimLedger {

    public static final String PROCESSING_GROUP = "scheduling-claims";

    /** The events that take or free time: the rebuild reads only these from the store. */
    static final Set<Class<? extends AppointmentEvent>> EVENTS = Set.of(
            SlotHeld.class,
            AppointmentBooked.class,
            AppointmentRescheduled.class,
            HoldExpired.class,
            AppointmentCancelled.class,
            AppointmentMarkedNoShow.class);

    /**
     * What a claim that cannot be taken does. In the command's transaction it fails the command; a
     * rebuild from the event store (ADR 0020) counts it instead, as the live table has no such row.
     */
    interface Refusals {

        void slotTaken(UUID appointmentId);

        void patientBusy(UUID appointmentId);
    }

    private final DSLContext db;

    SlotClaimLedger(DSLContext db) {
        this.db = db;
    }

    private static final Refusals FAIL_THE_COMMAND = new Refusals() {
        @Override
        public void slotTaken(UUID appointmentId) {
            throw new Rejection.Conflict("appointment.slot-taken");
        }

        @Override
        public void patientBusy(UUID appointmentId) {
            throw new Rejection.Conflict("appointment.patient-busy");
        }
    };

    @EventHandler
    void on(SlotHeld event) {
        apply(event, FAIL_THE_COMMAND);
    }

    @EventHandler
    void on(AppointmentBooked event) {
        apply(event, FAIL_THE_COMMAND);
    }

    @EventHandler
    void on(AppointmentRescheduled event) {
        apply(event, FAIL_THE_COMMAND);
    }

    @EventHandler
    void on(HoldExpired event) {
        apply(event, FAIL_THE_COMMAND);
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        apply(event, FAIL_THE_COMMAND);
    }

    @EventHandler
    void on(AppointmentMarkedNoShow event) {
        apply(event, FAIL_THE_COMMAND);
    }

    /**
     * The one place claims change, for the live ledger and for a rebuild alike. A no-show frees the
     * patient who did not come, so they are free to be seen elsewhere meanwhile; the doctor's time stays
     * claimed as before: it has started, and nothing can be booked in the past.
     */
    void apply(AppointmentEvent event, Refusals refusals) {
        switch (event) {
            case SlotHeld held -> take(held.appointmentId(), held.patientId(), held.slot(), refusals);
            case AppointmentBooked booked -> take(booked.appointmentId(), booked.patientId(), booked.slot(), refusals);
            case AppointmentRescheduled moved -> move(moved, refusals);
            case HoldExpired expired -> release(expired.appointmentId());
            case AppointmentCancelled cancelled -> release(cancelled.appointmentId());
            case AppointmentMarkedNoShow noShow -> releasePatient(noShow.appointmentId());
            default -> {
                // Every other event leaves the claims as they are.
            }
        }
    }

    private void take(UUID appointmentId, UUID patientId, AppointmentSlot slot, Refusals refusals) {
        if (!claim(appointmentId, slot)) {
            refusals.slotTaken(appointmentId);
        }
        if (!claimPatient(appointmentId, patientId, slot)) {
            refusals.patientBusy(appointmentId);
        }
        recordParties(appointmentId, patientId, slot);
    }

    /**
     * Old time is freed first so a move into an overlapping time does not collide with itself; in the
     * command's transaction a failed claim rolls both back.
     */
    private void move(AppointmentRescheduled event, Refusals refusals) {
        release(event.appointmentId());
        if (!claim(event.appointmentId(), event.to())) {
            refusals.slotTaken(event.appointmentId());
        }
        // Whose the appointment is was written with its first claim, in an earlier transaction.
        UUID patientId = db.select(APPOINTMENT_PARTY.PATIENT_ID)
                .from(APPOINTMENT_PARTY)
                .where(APPOINTMENT_PARTY.APPOINTMENT_ID.eq(event.appointmentId()))
                .fetchSingle(APPOINTMENT_PARTY.PATIENT_ID);
        if (!claimPatient(event.appointmentId(), patientId, event.to())) {
            refusals.patientBusy(event.appointmentId());
        }
        db.update(APPOINTMENT_PARTY)
                .set(APPOINTMENT_PARTY.DOCTOR_ID, event.to().doctorId())
                .set(APPOINTMENT_PARTY.BRANCH_ID, event.to().branchId())
                .where(APPOINTMENT_PARTY.APPOINTMENT_ID.eq(event.appointmentId()))
                .execute();
    }

    /** Whether a lane was free. */
    private boolean claim(UUID appointmentId, AppointmentSlot slot) {
        OffsetDateTime from = slot.blocked().start().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = slot.blocked().end().atOffset(ZoneOffset.UTC);
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
                return true;
            }
        }
        return false;
    }

    /** One patient, one place at a time; the appointment's own time, since the buffers are the doctor's. */
    private boolean claimPatient(UUID appointmentId, UUID patientId, AppointmentSlot slot) {
        int inserted = db.execute(
                "INSERT INTO patient_claim (appointment_id, patient_id, period) "
                        + "VALUES (?, ?, tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')) ON CONFLICT DO NOTHING",
                appointmentId,
                patientId,
                slot.time().start().atOffset(ZoneOffset.UTC),
                slot.time().end().atOffset(ZoneOffset.UTC));
        return inserted == 1;
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
