package com.clinic.scheduling.application.port;

/**
 * Port: the write-side claims on doctors' and patients' time (and who each appointment concerns),
 * which the claim ledger writes in every booking command's own transaction (ADR 0007, ADR 0015).
 */
public interface ClaimLedger {

    /** Rows in the claim tables. */
    record Counts(long slotClaims, long patientClaims, long appointmentParties) {}

    /**
     * What a rebuild did.
     *
     * @param eventsReplayed the appointment events that take or free time, applied in the store's order
     * @param slotClaimsRefused doctors' claims the store's history could not place (no lane free): those
     *     appointments stay, unclaimed, for staff to settle
     * @param patientClaimsRefused patients' claims refused because the patient was claimed elsewhere at
     *     that time (history from before the patient guard, V62)
     */
    record Rebuilt(
            long eventsReplayed, Counts before, Counts after, long slotClaimsRefused, long patientClaimsRefused) {}

    /**
     * Empties the claim tables and applies every appointment event of the store to them again, with
     * the ledger's own logic, in the caller's transaction. Commands that claim or free time wait until
     * that transaction ends; reads of the claims go on, seeing the claims as they were until it commits.
     */
    Rebuilt rebuildFromEventStore();
}
