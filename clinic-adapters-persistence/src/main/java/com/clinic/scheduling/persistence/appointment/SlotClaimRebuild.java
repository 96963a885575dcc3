package com.clinic.scheduling.persistence.appointment;

import com.clinic.scheduling.application.port.ClaimLedger;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The claim tables rebuilt from the event store with the ledger's own {@link SlotClaimLedger#apply}
 * (ADR 0020): emptied, then every event that takes or frees time applied in the store's order, in the
 * caller's transaction.
 *
 * <p>The tables are locked first, in EXCLUSIVE mode: reads go on (slot search, who an appointment
 * concerns), every write waits. A command writes its event and then its claims in one transaction, so
 * once the lock is granted every command that touched the claims has committed its event, and the read
 * of the store below sees it; a command that has stored its event but not yet claimed waits for the lock,
 * and claims against the rebuilt tables after this commits. Nothing is lost between the two.
 *
 * <p>Rows are deleted, not truncated: TRUNCATE would take an ACCESS EXCLUSIVE lock and stop the reads
 * for the whole rebuild.
 */
@Component
class SlotClaimRebuild implements ClaimLedger {

    private static final Logger log = LoggerFactory.getLogger(SlotClaimRebuild.class);

    private final SlotClaimLedger ledger;
    private final DSLContext db;
    private final EventStorageEngine store;

    SlotClaimRebuild(SlotClaimLedger ledger, DSLContext db, EventStorageEngine store) {
        this.ledger = ledger;
        this.db = db;
        this.store = store;
    }

    @Override
    public Rebuilt rebuildFromEventStore() {
        db.execute("LOCK TABLE slot_claim, patient_claim, appointment_party IN EXCLUSIVE MODE");
        Counts before = counts();
        db.execute("DELETE FROM slot_claim");
        db.execute("DELETE FROM patient_claim");
        db.execute("DELETE FROM appointment_party");
        CountedRefusals refusals = new CountedRefusals();
        long replayed = 0;
        // The storage engine reads in batches on this thread, through the transaction's connection.
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> stored = events.iterator();
            while (stored.hasNext()) {
                TrackedEventMessage<?> event = stored.next();
                // The type is known without deserializing: the other contexts' events cost nothing more.
                if (SlotClaimLedger.EVENTS.contains(event.getPayloadType())) {
                    ledger.apply((AppointmentEvent) event.getPayload(), refusals);
                    replayed++;
                }
            }
        }
        return new Rebuilt(replayed, before, counts(), refusals.slotTaken, refusals.patientBusy);
    }

    private Counts counts() {
        return new Counts(
                db.fetchCount(db.selectFrom("slot_claim")),
                db.fetchCount(db.selectFrom("patient_claim")),
                db.fetchCount(db.selectFrom("appointment_party")));
    }

    /**
     * In the live ledger such a claim failed its command, so the event was never stored; in the store's
     * history it can only come from before a guard existed (patients', V62) or from lanes handed out in
     * another order than the events' (concurrent commands). The appointment stays, unclaimed.
     */
    private static final class CountedRefusals implements SlotClaimLedger.Refusals {

        long slotTaken;
        long patientBusy;

        @Override
        public void slotTaken(UUID appointmentId) {
            slotTaken++;
            log.atWarn()
                    .setMessage("Claim rebuild: no lane free for appointment {}; it stays booked, unclaimed")
                    .addArgument(appointmentId)
                    .addKeyValue("action", "claims.rebuild.slot-refused")
                    .addKeyValue("appointmentId", appointmentId)
                    .log();
        }

        @Override
        public void patientBusy(UUID appointmentId) {
            patientBusy++;
            log.atWarn()
                    .setMessage("Claim rebuild: the patient of appointment {} is claimed elsewhere; it stays unclaimed")
                    .addArgument(appointmentId)
                    .addKeyValue("action", "claims.rebuild.patient-refused")
                    .addKeyValue("appointmentId", appointmentId)
                    .log();
        }
    }
}
