package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import java.util.Collections;
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

    /** What never changes once the invoice is opened. */
    record Facts(
            UUID invoiceId,
            UUID clinicId,
            UUID branchId,
            UUID patientId,
            Optional<UUID> appointmentId,
            String currency) {}

    /**
     * The money: {@code issuedTotal} is the charge posted at issue; {@code credited} what was
     * released since; {@code paid} and {@code refunded} the money in and out.
     */
    record Balance(Money issuedTotal, Money credited, Money paid, Money refunded) {
        static Balance zero(String currency) {
            Money zero = Money.zero(currency);
            return new Balance(zero, zero, zero, zero);
        }
    }

    /** The payments with their refunds, and the refund and credit ids seen: a repeat records nothing. */
    record Seen(Map<UUID, PaymentBalance> payments, Set<UUID> refunds, Set<UUID> credits) {
        public Seen {
            payments = Collections.unmodifiableMap(new LinkedHashMap<>(payments));
            refunds = Collections.unmodifiableSet(new LinkedHashSet<>(refunds));
            credits = Collections.unmodifiableSet(new LinkedHashSet<>(credits));
        }

        static final Seen NONE = new Seen(Map.of(), Set.of(), Set.of());

        Seen withPayment(UUID paymentId, PaymentBalance balance) {
            Map<UUID, PaymentBalance> next = new LinkedHashMap<>(payments);
            next.put(paymentId, balance);
            return new Seen(next, refunds, credits);
        }

        Seen withRefund(UUID refundId) {
            Set<UUID> next = new LinkedHashSet<>(refunds);
            next.add(refundId);
            return new Seen(payments, next, credits);
        }

        Seen withCredit(UUID creditId) {
            Set<UUID> next = new LinkedHashSet<>(credits);
            next.add(creditId);
            return new Seen(payments, refunds, next);
        }
    }

    /** An opened invoice: a draft until it has a number, then issued; everything else follows from the money. */
    record Existing(
            Facts facts,
            List<InvoiceLine> lines,
            long number,
            boolean voided,
            Balance balance,
            Seen seen,
            boolean settled)
            implements InvoiceState {

        public Existing {
            lines = List.copyOf(lines);
        }

        static Existing opened(Facts facts, List<InvoiceLine> lines) {
            return new Existing(facts, lines, 0, false, Balance.zero(facts.currency()), Seen.NONE, false);
        }

        public UUID invoiceId() {
            return facts.invoiceId();
        }

        public UUID clinicId() {
            return facts.clinicId();
        }

        public UUID branchId() {
            return facts.branchId();
        }

        public UUID patientId() {
            return facts.patientId();
        }

        public Optional<UUID> appointmentId() {
            return facts.appointmentId();
        }

        public String currency() {
            return facts.currency();
        }

        public Money issuedTotal() {
            return balance.issuedTotal();
        }

        public Money credited() {
            return balance.credited();
        }

        public Money paid() {
            return balance.paid();
        }

        public Money refunded() {
            return balance.refunded();
        }

        public Map<UUID, PaymentBalance> payments() {
            return seen.payments();
        }

        public Set<UUID> refunds() {
            return seen.refunds();
        }

        public Set<UUID> credits() {
            return seen.credits();
        }

        public boolean issued() {
            return number > 0;
        }

        /** What the invoice asks for now: the issued total less what was released. */
        public Money due() {
            return issuedTotal().minus(credited());
        }

        public Money netPaid() {
            return paid().minus(refunded());
        }

        /** Still to pay; negative when the clinic owes the patient money back. */
        public Money outstanding() {
            return due().minus(netPaid());
        }

        public InvoiceStatus status() {
            return InvoiceStatus.of(
                    issued(),
                    voided,
                    issuedTotal().minor(),
                    credited().minor(),
                    paid().minor(),
                    refunded().minor());
        }

        Existing with(List<InvoiceLine> newLines) {
            return new Existing(facts, newLines, number, voided, balance, seen, settled);
        }

        Existing issuedAs(long newNumber, Money total) {
            Balance issued = new Balance(total, balance.credited(), balance.paid(), balance.refunded());
            return new Existing(facts, lines, newNumber, voided, issued, seen, settled);
        }

        Existing withPayment(UUID paymentId, PaymentBalance payment, Money newPaid, Money newRefunded) {
            Balance moved = new Balance(balance.issuedTotal(), balance.credited(), newPaid, newRefunded);
            return new Existing(facts, lines, number, voided, moved, seen.withPayment(paymentId, payment), settled);
        }

        Existing withRefund(UUID refundId) {
            return new Existing(facts, lines, number, voided, balance, seen.withRefund(refundId), settled);
        }

        Existing withCredit(Optional<UUID> creditId, Money amount) {
            Balance released = new Balance(
                    balance.issuedTotal(), balance.credited().plus(amount), balance.paid(), balance.refunded());
            Seen next = creditId.map(seen::withCredit).orElse(seen);
            return new Existing(facts, lines, number, voided, released, next, settled);
        }

        Existing asSettled() {
            return new Existing(facts, lines, number, voided, balance, seen, true);
        }

        Existing asVoided() {
            return new Existing(facts, lines, number, true, balance, seen, settled);
        }
    }
}
