package com.clinic.scheduling.persistence.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.identity.domain.UserAccountEvent.PatientAccountRegistered;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.StoredEvents;
import com.clinic.scheduling.application.port.ClaimLedger.Counts;
import com.clinic.scheduling.application.port.ClaimLedger.Rebuilt;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldConfirmed;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.persistence.Slots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The claim tables rebuilt from the event store (ADR 0020) with the live ledger's own rules. */
@ExtendWith(PostgresTestDatabase.class)
class SlotClaimRebuildTest {

    private static final Instant NINE = Instant.parse("2026-07-01T09:00:00Z");

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final StoredEvents store;
    private final SlotClaimLedger ledger;
    private final SlotClaimRebuild rebuild;
    private final Slots slots = Slots.anywhere();
    private final UUID doctor = UUID.randomUUID();

    SlotClaimRebuildTest(
            DSLContext db,
            TransactionTemplate transactions,
            DataSource dataSource,
            PlatformTransactionManager transactionManager) {
        this.db = db;
        this.transactions = transactions;
        this.store = new StoredEvents(dataSource, transactionManager);
        this.ledger = new SlotClaimLedger(db);
        this.rebuild = new SlotClaimRebuild(ledger, db, store.engine());
    }

    @Test
    void aRebuildLeavesExactlyTheClaimsTheLiveLedgerMadeAndReportsTheCounts() {
        UUID kept = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        AppointmentSlot nine = slots.slot(doctor, NINE, 30);
        AppointmentSlot ten = slots.slot(doctor, NINE.plusSeconds(3600), 30);
        AppointmentSlot eleven = slots.slot(doctor, NINE.plusSeconds(7200), 30);
        AppointmentSlot elevenThirty = slots.slot(doctor, NINE.plusSeconds(9000), 30);
        UUID patient = UUID.randomUUID();
        happened(kept, 0, new SlotHeld(kept, patient, nine, NINE, patient, Optional.empty(), NINE));
        happened(kept, 1, new HoldConfirmed(kept, patient, nine, patient, NINE));
        happened(cancelled, 0, booked(cancelled, ten));
        happened(moved, 0, booked(moved, eleven));
        happened(moved, 1, new AppointmentRescheduled(moved, eleven, elevenThirty, doctor, NINE));
        happened(
                cancelled,
                1,
                new AppointmentCancelled(
                        cancelled, ten, CancellationReason.DOCTOR_UNAVAILABLE, "", false, false, doctor, NINE));
        store.append(
                "UserAccountAggregate",
                UUID.randomUUID().toString(),
                0,
                new PatientAccountRegistered(UUID.randomUUID(), "ar", NINE),
                Map.of(),
                NINE);
        List<Record> live = claims();
        List<Record> livePatients = patientClaims();

        Rebuilt rebuilt = transactions.execute(status -> rebuild.rebuildFromEventStore());

        assertThat(claims()).isEqualTo(live);
        assertThat(patientClaims()).isEqualTo(livePatients);
        assertThat(rebuilt.eventsReplayed()).as("the claim events only").isEqualTo(5);
        assertThat(rebuilt.before()).isEqualTo(new Counts(2, 2, 3));
        assertThat(rebuilt.after()).isEqualTo(new Counts(2, 2, 3));
        assertThat(rebuilt.slotClaimsRefused()).isZero();
        assertThat(rebuilt.patientClaimsRefused()).isZero();
    }

    @Test
    void claimsLostOrInventedSinceAreRepairedByTheRebuild() {
        UUID kept = UUID.randomUUID();
        happened(kept, 0, booked(kept, slots.slot(doctor, NINE, 30)));
        List<Record> live = claims();
        db.execute("DELETE FROM slot_claim");
        db.execute(
                "INSERT INTO slot_claim (appointment_id, doctor_id, branch_id, lane, period)"
                        + " VALUES (?, ?, ?, 0, tstzrange(now(), now() + interval '1 hour'))",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID());

        Rebuilt rebuilt = transactions.execute(status -> rebuild.rebuildFromEventStore());

        assertThat(claims()).isEqualTo(live);
        assertThat(rebuilt.before().slotClaims()).isEqualTo(1);
        assertThat(rebuilt.after().slotClaims()).isEqualTo(1);
    }

    @Test
    void storedHistoryThatNoLongerFitsIsCountedAndLeftUnclaimedInsteadOfFailingTheRebuild() {
        // As from before the patients' guard (V62), or lanes handed out in another order than the events'.
        UUID patient = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID overlapping = UUID.randomUUID();
        UUID patientElsewhere = UUID.randomUUID();
        store.append(
                "AppointmentAggregate",
                first.toString(),
                0,
                new AppointmentBooked(first, patient, slots.slot(doctor, NINE, 30), patient, Optional.empty(), NINE),
                Map.of(),
                NINE);
        store.append(
                "AppointmentAggregate",
                overlapping.toString(),
                0,
                booked(overlapping, slots.slot(doctor, NINE.plusSeconds(600), 30)),
                Map.of(),
                NINE);
        store.append(
                "AppointmentAggregate",
                patientElsewhere.toString(),
                0,
                new AppointmentBooked(
                        patientElsewhere,
                        patient,
                        slots.slot(UUID.randomUUID(), NINE, 30),
                        patient,
                        Optional.empty(),
                        NINE),
                Map.of(),
                NINE);

        Rebuilt rebuilt = transactions.execute(status -> rebuild.rebuildFromEventStore());

        assertThat(rebuilt.slotClaimsRefused()).isEqualTo(1);
        assertThat(rebuilt.patientClaimsRefused()).isEqualTo(1);
        assertThat(db.fetch("SELECT appointment_id FROM slot_claim ORDER BY claim_id")
                        .getValues(0, UUID.class))
                .containsExactly(first, patientElsewhere);
        assertThat(db.fetch("SELECT appointment_id FROM patient_claim ORDER BY claim_id")
                        .getValues(0, UUID.class))
                .containsExactly(first, overlapping);
        assertThat(rebuilt.after().appointmentParties()).isEqualTo(3);
    }

    /** Stored and claimed in one command transaction, as the live application does. */
    private void happened(UUID appointment, long sequence, AppointmentEvent event) {
        transactions.executeWithoutResult(status -> {
            store.append("AppointmentAggregate", appointment.toString(), sequence, event, Map.of(), NINE);
            ledger.apply(event, failing());
        });
    }

    private static SlotClaimLedger.Refusals failing() {
        return new SlotClaimLedger.Refusals() {
            @Override
            public void slotTaken(UUID appointmentId) {
                throw new AssertionError("slot taken for " + appointmentId);
            }

            @Override
            public void patientBusy(UUID appointmentId) {
                throw new AssertionError("patient busy for " + appointmentId);
            }
        };
    }

    private AppointmentBooked booked(UUID appointment, AppointmentSlot slot) {
        UUID patient = UUID.randomUUID();
        return new AppointmentBooked(appointment, patient, slot, patient, Optional.empty(), NINE);
    }

    private List<Record> claims() {
        return db.fetch("SELECT appointment_id, doctor_id, branch_id, lane, period::text FROM slot_claim"
                + " ORDER BY appointment_id, lane");
    }

    private List<Record> patientClaims() {
        return db.fetch("SELECT appointment_id, patient_id, period::text FROM patient_claim ORDER BY appointment_id");
    }
}
