package com.clinic.payments.rest;

import com.clinic.payments.application.LineInput;
import com.clinic.payments.application.RefundReason;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Request bodies of the invoice endpoints. Amounts are decimals in the invoice's currency ("150.50"). */
final class InvoiceRequests {

    private InvoiceRequests() {}

    /**
     * @param quantity 1 when absent
     * @param taxable whether the clinic's tax applies; true when absent
     */
    record Line(
            @NotNull InvoiceLine.Kind kind,
            @NotBlank @Size(max = InvoiceLine.MAX_DESCRIPTION) String description,
            @NotNull BigDecimal unitPrice,
            @Min(1) @Max(InvoiceLine.MAX_QUANTITY) Integer quantity,
            Boolean taxable) {

        LineInput toInput() {
            return new LineInput(
                    kind, description, unitPrice, quantity == null ? 1 : quantity, taxable == null || taxable);
        }
    }

    record Open(@NotNull UUID branchId, @NotNull UUID patientId, @Valid @Size(max = 100) List<@NotNull Line> lines) {}

    /** @param method CASH or CARD_TERMINAL; a card online is paid through the card provider */
    record Payment(@NotNull PaymentMethod method, @NotNull BigDecimal amount, @Size(max = 100) String reference) {}

    record Refund(@NotNull UUID paymentId, @NotNull BigDecimal amount, @NotNull RefundReason reason) {}

    /** @param kind ADJUSTMENT or WRITE_OFF */
    record Credit(@NotNull BigDecimal amount, @NotNull CreditKind kind) {}
}
