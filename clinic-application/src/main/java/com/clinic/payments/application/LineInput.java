package com.clinic.payments.application;

import com.clinic.payments.domain.invoice.InvoiceLine;
import java.math.BigDecimal;

/**
 * A line as reception types it: the price in major units of the branch's currency; {@code taxable}
 * lines carry the clinic's tax rate, others none.
 */
public record LineInput(
        InvoiceLine.Kind kind, String description, BigDecimal unitPrice, int quantity, boolean taxable) {}
