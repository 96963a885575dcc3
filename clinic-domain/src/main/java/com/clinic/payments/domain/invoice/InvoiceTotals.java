package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import java.util.List;

/** The sums of an invoice's lines: net, tax (each line's, rounded there) and what the patient pays. */
public record InvoiceTotals(Money subtotal, Money tax, Money total) {

    public static InvoiceTotals of(List<InvoiceLine> lines, String currency) {
        Money subtotal = Money.zero(currency);
        Money tax = Money.zero(currency);
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.net());
            tax = tax.plus(line.tax());
        }
        return new InvoiceTotals(subtotal, tax, subtotal.plus(tax));
    }
}
