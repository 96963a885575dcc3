package com.clinic.payments.application;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.invoice.PaymentMethod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment's receipt: who received what from whom, when and how, and where the invoice stood
 * right after it (what it asked, what had been paid, what was left). Names in both languages (the patient's, once erased, are empty); times are instants with
 * the clinic's zone for printing.
 */
public record Receipt(
        long receiptNumber,
        UUID paymentId,
        UUID invoiceId,
        Optional<Long> invoiceNumber,
        String clinicNameAr,
        String clinicNameEn,
        ZoneId zone,
        UUID patientId,
        String patientNameAr,
        String patientNameEn,
        PaymentMethod method,
        Money amount,
        Optional<String> reference,
        Instant paidAt,
        Money invoiceDue,
        Money paidToDate,
        Money outstanding) {}
