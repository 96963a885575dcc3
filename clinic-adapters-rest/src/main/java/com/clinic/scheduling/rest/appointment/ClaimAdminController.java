package com.clinic.scheduling.rest.appointment;

import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.appointment.ClaimLedgerRebuild;
import com.clinic.scheduling.application.port.ClaimLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write-side claims on doctors' and patients' time, rebuilt from the event store by an
 * administrator (ADR 0020). The rebuild runs before the answer, in one transaction; bookings, moves
 * and cancellations wait for it, reads do not.
 */
@Tag(name = "operations")
@RestController
class ClaimAdminController {

    private final ClaimLedgerRebuild rebuild;

    ClaimAdminController(ClaimLedgerRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * What the rebuild did.
     *
     * @param eventsReplayed appointment events that take or free time, applied in the store's order
     * @param before rows in the claim tables before
     * @param after rows in the claim tables after
     * @param slotClaimsRefused doctors' claims the history could not place: appointments left unclaimed
     * @param patientClaimsRefused patients' claims refused as overlapping another of the same patient
     */
    record RebuildResponse(
            long eventsReplayed,
            ClaimLedger.Counts before,
            ClaimLedger.Counts after,
            long slotClaimsRefused,
            long patientClaimsRefused) {

        static RebuildResponse of(ClaimLedger.Rebuilt rebuilt) {
            return new RebuildResponse(
                    rebuilt.eventsReplayed(),
                    rebuilt.before(),
                    rebuilt.after(),
                    rebuilt.slotClaimsRefused(),
                    rebuilt.patientClaimsRefused());
        }
    }

    @Operation(
            operationId = "rebuildClaims",
            summary = "Rebuild the claims on time",
            description =
                    "Rebuilds the write-side claims on doctors' and patients' time from the event store, in one transaction, and reports what it did. Bookings, moves and cancellations wait for it; reads do not. Administrators only.")
    @PostMapping("/api/v1/admin/claims/rebuild")
    ResponseEntity<RebuildResponse> rebuild(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(RebuildResponse.of(rebuild.rebuild(actor)));
    }
}
