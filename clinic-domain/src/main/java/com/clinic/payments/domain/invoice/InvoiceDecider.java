package com.clinic.payments.domain.invoice;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.invoice.InvoiceCommand.AddLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.CreditInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.IssueInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.RecordPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.RefundPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.RemoveLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.SettleCancellation;
import com.clinic.payments.domain.invoice.InvoiceCommand.VoidInvoice;
import com.clinic.payments.domain.invoice.InvoiceEvent.CancellationSettled;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceCredited;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceIssued;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceOpened;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceVoided;
import com.clinic.payments.domain.invoice.InvoiceEvent.LineAdded;
import com.clinic.payments.domain.invoice.InvoiceEvent.LineRemoved;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRecorded;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRefunded;
import com.clinic.payments.domain.invoice.InvoiceState.Existing;
import com.clinic.payments.domain.invoice.InvoiceState.PaymentBalance;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An invoice is drafted, issued once with its number, paid, credited and refunded. The rules that
 * keep its ledger adding up live here: nothing is paid beyond what is outstanding, no payment is
 * refunded beyond what it brought, nothing is credited below zero, and a repeated command (the same
 * payment, refund or credit id) records nothing twice.
 */
public final class InvoiceDecider implements Decider<InvoiceCommand, InvoiceEvent, InvoiceState> {

    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

    @Override
    public InvoiceState initialState() {
        return new InvoiceState.Absent();
    }

    @Override
    public List<InvoiceEvent> decide(InvoiceCommand command, InvoiceState state) {
        return switch (command) {
            case OpenInvoice open -> open(open, state);
            case AddLine add -> {
                Existing invoice = draft(state);
                Optional<InvoiceLine> same = invoice.lines().stream()
                        .filter(line -> line.lineId().equals(add.line().lineId()))
                        .findFirst();
                if (same.isPresent()) {
                    if (same.get().equals(add.line())) {
                        yield List.of();
                    }
                    throw new Rejection.Conflict("invoice.line-exists");
                }
                sameCurrency(invoice.currency(), add.line());
                yield List.of(new LineAdded(add.invoiceId(), add.line(), add.at(), add.by()));
            }
            case RemoveLine remove -> {
                Existing invoice = draft(state);
                if (invoice.lines().stream().noneMatch(line -> line.lineId().equals(remove.lineId()))) {
                    throw new Rejection.NotFound("invoice.line-not-found");
                }
                yield List.of(new LineRemoved(remove.invoiceId(), remove.lineId(), remove.at(), remove.by()));
            }
            case IssueInvoice issue -> issue(issue, state);
            case RecordPayment payment -> pay(payment, state);
            case RefundPayment refund -> refund(refund, state);
            case CreditInvoice credit -> credit(credit, state);
            case SettleCancellation settle -> settle(settle, state);
            case VoidInvoice withdraw -> {
                Existing invoice = existing(state);
                reason(withdraw.reasonCode());
                if (invoice.voided()) {
                    yield List.of();
                }
                if (invoice.paid().isPositive()) {
                    throw new Rejection.Conflict("invoice.has-payments");
                }
                Money credited = invoice.issued() ? invoice.due() : Money.zero(invoice.currency());
                yield List.of(new InvoiceVoided(
                        withdraw.invoiceId(), credited, withdraw.reasonCode(), withdraw.at(), withdraw.by()));
            }
        };
    }

    private static List<InvoiceEvent> open(OpenInvoice open, InvoiceState state) {
        if (state instanceof Existing existing) {
            boolean same = existing.clinicId().equals(open.clinicId())
                    && existing.branchId().equals(open.branchId())
                    && existing.patientId().equals(open.patientId())
                    && existing.appointmentId().equals(open.appointmentId())
                    && existing.currency().equals(open.currency());
            if (same) {
                return List.of();
            }
            throw new Rejection.Conflict("invoice.already-exists");
        }
        Money.zero(open.currency());
        Set<Object> ids = new HashSet<>();
        for (InvoiceLine line : open.lines()) {
            sameCurrency(open.currency(), line);
            if (!ids.add(line.lineId())) {
                throw new Rejection.RuleViolated("invoice.line-exists");
            }
        }
        return List.of(new InvoiceOpened(
                open.invoiceId(),
                open.clinicId(),
                open.branchId(),
                open.patientId(),
                open.appointmentId(),
                open.currency(),
                open.lines(),
                open.at(),
                open.by()));
    }

    private static List<InvoiceEvent> issue(IssueInvoice issue, InvoiceState state) {
        Existing invoice = existing(state);
        if (invoice.voided()) {
            throw new Rejection.Conflict("invoice.void");
        }
        if (invoice.issued()) {
            return List.of();
        }
        if (issue.number() < 1) {
            throw new IllegalArgumentException("invoice numbers start at 1");
        }
        if (invoice.lines().isEmpty()) {
            throw new Rejection.RuleViolated("invoice.empty");
        }
        InvoiceTotals totals = InvoiceTotals.of(invoice.lines(), invoice.currency());
        if (totals.total().isNegative()) {
            throw new Rejection.RuleViolated("invoice.total-negative");
        }
        return List.of(new InvoiceIssued(
                issue.invoiceId(),
                invoice.clinicId(),
                issue.number(),
                totals.subtotal(),
                totals.tax(),
                totals.total(),
                issue.at(),
                issue.by()));
    }

    private static List<InvoiceEvent> pay(RecordPayment payment, InvoiceState state) {
        Existing invoice = existing(state);
        PaymentBalance known = invoice.payments().get(payment.paymentId());
        if (known != null) {
            if (known.amount().equals(payment.amount()) && known.method() == payment.method()) {
                return List.of();
            }
            throw new Rejection.Conflict("payment.id-reused");
        }
        if (!invoice.issued() || invoice.voided()) {
            throw new Rejection.Conflict("invoice.not-payable", invoice.status().name());
        }
        positive(payment.amount(), invoice.currency());
        if (payment.amount().compareTo(invoice.outstanding()) > 0) {
            throw new Rejection.RuleViolated(
                    "payment.exceeds-outstanding", invoice.outstanding().max(Money.zero(invoice.currency())));
        }
        if (payment.reference()
                .filter(reference -> reference.isBlank() || reference.length() > 100)
                .isPresent()) {
            throw new Rejection.RuleViolated("payment.reference-invalid", 100);
        }
        if (payment.receiptNumber() < 1) {
            throw new IllegalArgumentException("receipt numbers start at 1");
        }
        return List.of(new PaymentRecorded(
                payment.invoiceId(),
                payment.paymentId(),
                payment.method(),
                payment.amount(),
                payment.receiptNumber(),
                payment.reference(),
                payment.at(),
                payment.by()));
    }

    private static List<InvoiceEvent> refund(RefundPayment refund, InvoiceState state) {
        Existing invoice = existing(state);
        reason(refund.reasonCode());
        if (invoice.refunds().contains(refund.refundId())) {
            return List.of();
        }
        PaymentBalance payment = invoice.payments().get(refund.paymentId());
        if (payment == null) {
            throw new Rejection.NotFound("payment.not-found");
        }
        positive(refund.amount(), invoice.currency());
        if (refund.amount().compareTo(payment.refundable()) > 0) {
            throw new Rejection.RuleViolated("refund.exceeds-payment", payment.refundable());
        }
        Money zero = Money.zero(invoice.currency());
        Money owedBack = invoice.outstanding().negate().max(zero);
        Money credit = refund.amount().minus(owedBack).max(zero);
        return List.of(new PaymentRefunded(
                refund.invoiceId(),
                refund.refundId(),
                refund.paymentId(),
                payment.method(),
                refund.amount(),
                credit,
                refund.reasonCode(),
                refund.at(),
                refund.by()));
    }

    private static List<InvoiceEvent> credit(CreditInvoice credit, InvoiceState state) {
        Existing invoice = existing(state);
        reason(credit.reasonCode());
        if (invoice.credits().contains(credit.creditId())) {
            return List.of();
        }
        if (!invoice.issued() || invoice.voided()) {
            throw new Rejection.Conflict("invoice.not-issued", invoice.status().name());
        }
        positive(credit.amount(), invoice.currency());
        if (credit.amount().compareTo(invoice.due()) > 0) {
            throw new Rejection.RuleViolated("credit.exceeds-due", invoice.due());
        }
        return List.of(new InvoiceCredited(
                credit.invoiceId(),
                credit.creditId(),
                credit.amount(),
                credit.kind(),
                credit.reasonCode(),
                credit.arguments(),
                credit.at(),
                credit.by()));
    }

    private static List<InvoiceEvent> settle(SettleCancellation settle, InvoiceState state) {
        Existing invoice = existing(state);
        if (invoice.settled() || invoice.voided()) {
            return List.of();
        }
        if (!invoice.issued()) {
            return List.of(new InvoiceVoided(
                    settle.invoiceId(),
                    Money.zero(invoice.currency()),
                    "invoice.appointment-cancelled",
                    settle.at(),
                    settle.by()));
        }
        RefundPolicy.Decision decision = settle.policy()
                .decide(new RefundPolicy.Case(
                        invoice.due(),
                        invoice.netPaid(),
                        settle.start(),
                        settle.at(),
                        settle.endedBy(),
                        settle.noShow()));
        List<String> arguments =
                decision.arguments().stream().map(String::valueOf).toList();
        List<InvoiceEvent> events = new ArrayList<>();
        events.add(new CancellationSettled(
                settle.invoiceId(),
                decision.released(),
                decision.retained(),
                decision.refund(),
                decision.reason().code(),
                arguments,
                settle.at(),
                settle.by()));
        if (decision.released().isPositive()) {
            events.add(new InvoiceCredited(
                    settle.invoiceId(),
                    settlementCredit(settle.invoiceId()),
                    decision.released(),
                    CreditKind.CANCELLATION,
                    decision.reason().code(),
                    arguments,
                    settle.at(),
                    settle.by()));
        }
        return events;
    }

    /** The credit a settlement posts has an id of its own, the same on every replay of the decision. */
    public static java.util.UUID settlementCredit(java.util.UUID invoiceId) {
        return java.util.UUID.nameUUIDFromBytes(
                ("settlement|" + invoiceId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public InvoiceState evolve(InvoiceState state, InvoiceEvent event) {
        return switch (event) {
            case InvoiceOpened opened ->
                Existing.opened(
                        new InvoiceState.Facts(
                                opened.invoiceId(),
                                opened.clinicId(),
                                opened.branchId(),
                                opened.patientId(),
                                opened.appointmentId(),
                                opened.currency()),
                        opened.lines());
            case LineAdded added -> {
                Existing invoice = (Existing) state;
                List<InvoiceLine> lines = new ArrayList<>(invoice.lines());
                lines.add(added.line());
                yield invoice.with(lines);
            }
            case LineRemoved removed -> {
                Existing invoice = (Existing) state;
                yield invoice.with(invoice.lines().stream()
                        .filter(line -> !line.lineId().equals(removed.lineId()))
                        .toList());
            }
            case InvoiceIssued issued -> ((Existing) state).issuedAs(issued.number(), issued.total());
            case PaymentRecorded recorded -> {
                Existing invoice = (Existing) state;
                yield invoice.withPayment(
                        recorded.paymentId(),
                        new PaymentBalance(recorded.method(), recorded.amount(), Money.zero(invoice.currency())),
                        invoice.paid().plus(recorded.amount()),
                        invoice.refunded());
            }
            case PaymentRefunded refunded -> {
                Existing invoice = (Existing) state;
                PaymentBalance before = invoice.payments().get(refunded.paymentId());
                yield invoice.withPayment(
                                refunded.paymentId(),
                                new PaymentBalance(
                                        before.method(),
                                        before.amount(),
                                        before.refunded().plus(refunded.amount())),
                                invoice.paid(),
                                invoice.refunded().plus(refunded.amount()))
                        .withRefund(refunded.refundId())
                        .withCredit(Optional.empty(), refunded.credit());
            }
            case InvoiceCredited credited ->
                ((Existing) state).withCredit(Optional.of(credited.creditId()), credited.amount());
            case CancellationSettled settled -> ((Existing) state).asSettled();
            case InvoiceVoided voided ->
                ((Existing) state)
                        .withCredit(Optional.empty(), voided.credited())
                        .asVoided();
        };
    }

    private static Existing existing(InvoiceState state) {
        if (state instanceof Existing existing) {
            return existing;
        }
        throw new Rejection.NotFound("invoice.not-found");
    }

    private static Existing draft(InvoiceState state) {
        Existing invoice = existing(state);
        if (invoice.issued() || invoice.voided()) {
            throw new Rejection.Conflict("invoice.not-draft", invoice.status().name());
        }
        return invoice;
    }

    private static void sameCurrency(String currency, InvoiceLine line) {
        if (!line.unitPrice().currency().equals(currency)) {
            throw new Rejection.RuleViolated(
                    "payment.currency-mismatch", currency, line.unitPrice().currency());
        }
    }

    private static void positive(Money amount, String currency) {
        if (!amount.currency().equals(currency)) {
            throw new Rejection.RuleViolated("payment.currency-mismatch", currency, amount.currency());
        }
        if (!amount.isPositive()) {
            throw new Rejection.RuleViolated("payment.amount-not-positive");
        }
    }

    private static void reason(String code) {
        if (code == null || code.length() > 64 || !REASON.matcher(code).matches()) {
            throw new IllegalArgumentException("reason codes are dotted lower-case keys");
        }
    }
}
