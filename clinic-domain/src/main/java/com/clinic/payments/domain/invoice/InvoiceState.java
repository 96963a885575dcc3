package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An invoice as its events left it. */
public sealed interface InvoiceState {

    record Absent() implements InvoiceState {}

    /** What one payment brought and how much of it went back. */
    record PaymentBalance(PaymentMethod method, Money amount, Money refunded) {
        public Money refundable() {
            return amount.minus(refunded);
        }
    }

    /**
     * {@code issuedTotal} is the charge posted at issue; {@code credited} what was released since;
     * {@code paid} and {@code refunded} the money in and out. Everything else follows from these.
     */
    record Existing(
            UUID invoiceId,
            UUID clinicId,
            UUID branchId,
            UUID patientId,
            Optional<UUID> appointmentId,
            String currency,
            List<InvoiceLine> lines,
            long number,
            boolean voided,
            Money issuedTotal,
            Money credited,
            Money paid,
            Money refunded,
            Map<UUID, PaymentBalance> payments,
            Set<UUID> refunds,
            Set<UUID> credits,
            boolean settled)
            implements InvoiceState {

        public Existing {
            lines = List.copyOf(lines);
            payments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(payments));
            refunds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(refunds));
            credits = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(credits));
        }

        public boolean issued() {
            return number > 0;
        }

        /** What the invoice asks for now: the issued total less what was released. */
        public Money due() {
            return issuedTotal.minus(credited);
        }

        public Money netPaid() {
            return paid.minus(refunded);
        }

        /** Still to pay; negative when the clinic owes the patient money back. */
        public Money outstanding() {
            return due().minus(netPaid());
        }

        public InvoiceStatus status() {
            return InvoiceStatus.of(
                    issued(), voided, issuedTotal.minor(), credited.minor(), paid.minor(), refunded.minor());
        }

        Existing with(List<InvoiceLine> newLines) {
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    newLines,
                    number,
                    voided,
                    issuedTotal,
                    credited,
                    paid,
                    refunded,
                    payments,
                    refunds,
                    credits,
                    settled);
        }

        Existing issuedAs(long newNumber, Money total) {
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    lines,
                    newNumber,
                    voided,
                    total,
                    credited,
                    paid,
                    refunded,
                    payments,
                    refunds,
                    credits,
                    settled);
        }

        Existing withPayment(UUID paymentId, PaymentBalance balance, Money newPaid, Money newRefunded) {
            Map<UUID, PaymentBalance> next = new LinkedHashMap<>(payments);
            next.put(paymentId, balance);
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    lines,
                    number,
                    voided,
                    issuedTotal,
                    credited,
                    newPaid,
                    newRefunded,
                    next,
                    refunds,
                    credits,
                    settled);
        }

        Existing withRefund(UUID refundId) {
            Set<UUID> next = new LinkedHashSet<>(refunds);
            next.add(refundId);
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    lines,
                    number,
                    voided,
                    issuedTotal,
                    credited,
                    paid,
                    refunded,
                    payments,
                    next,
                    credits,
                    settled);
        }

        Existing withCredit(Optional<UUID> creditId, Money amount) {
            Set<UUID> next = new LinkedHashSet<>(credits);
            creditId.ifPresent(next::add);
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    lines,
                    number,
                    voided,
                    issuedTotal,
                    credited.plus(amount),
                    paid,
                    refunded,
                    payments,
                    refunds,
                    next,
                    settled);
        }

        Existing asSettled() {
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    lines,
                    number,
                    voided,
                    issuedTotal,
                    credited,
                    paid,
                    refunded,
                    payments,
                    refunds,
                    credits,
                    true);
        }

        Existing asVoided() {
            return new Existing(
                    invoiceId,
                    clinicId,
                    branchId,
                    patientId,
                    appointmentId,
                    currency,
                    lines,
                    number,
                    true,
                    issuedTotal,
                    credited,
                    paid,
                    refunded,
                    payments,
                    refunds,
                    credits,
                    settled);
        }
    }
}
