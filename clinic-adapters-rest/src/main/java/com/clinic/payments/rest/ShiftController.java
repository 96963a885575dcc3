package com.clinic.payments.rest;

import com.clinic.payments.application.DeskShifts;
import com.clinic.payments.application.port.CashDrawer;
import com.clinic.payments.domain.Money;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The desk's cash drawer: a cashier's shift opened with its float and closed with its count. */
@Tag(name = "payments-invoices")
@RestController
class ShiftController {

    private final DeskShifts shifts;

    ShiftController(DeskShifts shifts) {
        this.shifts = shifts;
    }

    record Open(@NotNull BigDecimal openingFloat) {}

    record Close(@NotNull BigDecimal counted) {}

    record Created(UUID id) {}

    /**
     * A shift; the closing figures are absent while it is open. {@code expected} is the float plus
     * the cash the cashier took less the cash paid out; {@code difference} is counted − expected
     * (negative: the drawer is short).
     */
    record ShiftResponse(
            UUID shiftId,
            UUID branchId,
            UUID cashier,
            String currency,
            String openingFloat,
            Instant openedAt,
            Instant closedAt,
            String cashIn,
            String cashOut,
            String expected,
            String counted,
            String difference) {

        static ShiftResponse of(CashDrawer.ShiftView shift) {
            return new ShiftResponse(
                    shift.shiftId(),
                    shift.branchId(),
                    shift.cashier(),
                    shift.openingFloat().currency(),
                    shift.openingFloat().toMajor().toPlainString(),
                    shift.openedAt(),
                    shift.closedAt().orElse(null),
                    text(shift.cashIn()),
                    text(shift.cashOut()),
                    text(shift.expected()),
                    text(shift.counted()),
                    text(shift.difference()));
        }

        private static String text(Optional<Money> amount) {
            return amount.map(money -> money.toMajor().toPlainString()).orElse(null);
        }
    }

    @Operation(
            operationId = "openDeskShift",
            summary = "Open a cash-drawer shift",
            description =
                    "The signed-in cashier opens their drawer at the branch with its float; one open shift per cashier and branch (409 otherwise). Reception of the branch, the clinic's managers, administrators.")
    @PostMapping("/api/v1/branches/{branchId}/shifts")
    ResponseEntity<Created> open(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID branchId, @Valid @RequestBody Open request) {
        UUID shiftId = shifts.open(actor, branchId, request.openingFloat());
        return ResponseEntity.created(URI.create("/api/v1/shifts/" + shiftId)).body(new Created(shiftId));
    }

    @Operation(
            operationId = "closeDeskShift",
            summary = "Close a shift with the drawer's count",
            description =
                    "Counts the drawer against the float plus the cash the cashier took less the cash paid out during the shift (from the ledger) and records the difference; 409 when it is closed already.")
    @PostMapping("/api/v1/shifts/{shiftId}/close")
    ShiftResponse close(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID shiftId, @Valid @RequestBody Close request) {
        return ShiftResponse.of(shifts.close(actor, shiftId, request.counted()));
    }

    @Operation(
            operationId = "getDeskShift",
            summary = "A shift",
            description = "A cash-drawer shift with its count once closed.")
    @GetMapping("/api/v1/shifts/{shiftId}")
    ResponseEntity<ShiftResponse> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID shiftId) {
        CashDrawer.ShiftView shift = shifts.shift(actor, shiftId);
        return ResponseEntity.ok().eTag(ETags.of(shift.version())).body(ShiftResponse.of(shift));
    }
}
