package com.clinic.payments.application.port;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of an invoice list. */
public record InvoiceSummary(
        UUID invoiceId,
        UUID clinicId,
        UUID branchId,
        UUID patientId,
        Optional<UUID> appointmentId,
        Optional<Long> number,
        InvoiceStatus status,
        Money total,
        Money due,
        Money outstanding,
        Instant openedAt) {}
