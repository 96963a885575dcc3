package com.clinic.scheduling.application.appointment;

import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.SchedulingOperation;
import com.clinic.scheduling.application.port.ClaimLedger;
import com.clinic.scheduling.application.port.ClaimLedger.Rebuilt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the write-side claim tables from the event store (ADR 0020): the claims are derived from
 * the appointment events, so after a bug in the ledger, a manual repair gone wrong or a restore of
 * the tables without the store, the store's word is put back. One transaction: either every claim is
 * rebuilt or none changes, and no command claims time on a half-rebuilt table.
 */
@Service
public class ClaimLedgerRebuild {

    private static final Logger log = LoggerFactory.getLogger(ClaimLedgerRebuild.class);

    private final ClaimLedger ledger;
    private final AccessPolicy access;

    ClaimLedgerRebuild(ClaimLedger ledger, AccessPolicy access) {
        this.ledger = ledger;
        this.access = access;
    }

    /**
     * @throws com.clinic.platform.application.access.AccessRefused unless an administrator asks: the claims are what keeps double
     *     bookings out, for every clinic at once
     */
    @Transactional
    public Rebuilt rebuild(Actor requestedBy) {
        access.requireRole(requestedBy, SchedulingOperation.REBUILD_CLAIMS);
        log.atInfo()
                .setMessage("Claim rebuild requested by {}")
                .addArgument(requestedBy.userId())
                .addKeyValue("action", "claims.rebuild.requested")
                .addKeyValue("userId", requestedBy.userId())
                .log();
        Rebuilt rebuilt = ledger.rebuildFromEventStore();
        boolean refused = rebuilt.slotClaimsRefused() > 0 || rebuilt.patientClaimsRefused() > 0;
        // Refused claims are appointments the history booked over each other: staff must settle them.
        (refused ? log.atWarn() : log.atInfo())
                .setMessage(
                        "Claims rebuilt from {} events: {} before, {} after; {} doctor and {} patient claims refused")
                .addArgument(rebuilt.eventsReplayed())
                .addArgument(rebuilt.before())
                .addArgument(rebuilt.after())
                .addArgument(rebuilt.slotClaimsRefused())
                .addArgument(rebuilt.patientClaimsRefused())
                .addKeyValue("action", "claims.rebuilt")
                .addKeyValue("userId", requestedBy.userId())
                .addKeyValue("events", rebuilt.eventsReplayed())
                .addKeyValue("slotClaims", rebuilt.after().slotClaims())
                .addKeyValue("patientClaims", rebuilt.after().patientClaims())
                .addKeyValue("slotClaimsRefused", rebuilt.slotClaimsRefused())
                .addKeyValue("patientClaimsRefused", rebuilt.patientClaimsRefused())
                .log();
        return rebuilt;
    }
}
