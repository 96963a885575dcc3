package com.clinic.payments.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.payments.application.port.InvoiceReadModel;
import com.clinic.payments.application.port.InvoiceSummary;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceCommand.AddLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.CreditInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.RefundPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.RemoveLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.VoidInvoice;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.Reach;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Invoices at the desk: reception drafts one (or finds the one a booking opened), edits its lines,
 * issues it, takes cash or a card on the terminal, refunds; a manager credits, writes off and makes
 * refunds above the clinic's threshold. Every step is a command on the invoice, so the ledger rules
 * hold whoever asks.
 */
@Service
public class Invoicing {

    private final Commands commands;
    private final AccessPolicy access;
    private final InvoiceReadModel invoices;
    private final DirectoryFacts directory;
    private final PaymentsSettings settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final CardRefunds cardRefunds;

    public Invoicing(
            Commands commands,
            AccessPolicy access,
            InvoiceReadModel invoices,
            DirectoryFacts directory,
            PaymentsSettings settings,
            IdGenerator ids,
            Clock clock,
            CardRefunds cardRefunds) {
        this.commands = commands;
        this.access = access;
        this.invoices = invoices;
        this.directory = directory;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.cardRefunds = cardRefunds;
    }

    /** A draft for a patient of the branch's clinic, in the branch's currency. */
    public UUID open(Actor actor, UUID branchId, UUID patientId, List<LineInput> lines) {
        access.requireRole(actor, PaymentsOperation.DRAFT_INVOICE);
        DirectoryFacts.BranchFacts branch =
                directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        access.require(actor, PaymentsOperation.DRAFT_INVOICE, Target.branch(branch.clinicId(), branchId));
        if (!directory.isPatientOfClinic(patientId, branch.clinicId())) {
            throw new Rejection.NotFound("patient.not-found");
        }
        String currency = directory.branchCurrency(branchId).orElseThrow();
        TaxRate tax = settings.termsOf(branch.clinicId()).tax();
        UUID invoiceId = ids.next();
        commands.send(new OpenInvoice(
                invoiceId,
                branch.clinicId(),
                branchId,
                patientId,
                Optional.empty(),
                currency,
                lines.stream().map(line -> line(line, currency, tax)).toList(),
                clock.instant(),
                actor.userId()));
        return invoiceId;
    }

    public long addLine(Actor actor, UUID invoiceId, LineInput line, Optional<Long> expectedVersion) {
        InvoiceView invoice = reachable(actor, invoiceId, PaymentsOperation.INVOICE);
        TaxRate tax = settings.termsOf(invoice.clinicId()).tax();
        return commands.send(
                new AddLine(invoiceId, line(line, invoice.currency(), tax), clock.instant(), actor.userId()),
                expectedVersion);
    }

    public long removeLine(Actor actor, UUID invoiceId, UUID lineId, Optional<Long> expectedVersion) {
        reachable(actor, invoiceId, PaymentsOperation.INVOICE);
        return commands.send(new RemoveLine(invoiceId, lineId, clock.instant(), actor.userId()), expectedVersion);
    }

    public long issue(Actor actor, UUID invoiceId, Optional<Long> expectedVersion) {
        reachable(actor, invoiceId, PaymentsOperation.INVOICE);
        return commands.send(new InvoiceRequests.Issue(invoiceId, clock.instant(), actor.userId()), expectedVersion);
    }

    public long withdraw(Actor actor, UUID invoiceId, Optional<Long> expectedVersion) {
        reachable(actor, invoiceId, PaymentsOperation.INVOICE);
        return commands.send(
                new VoidInvoice(invoiceId, "invoice.withdrawn", clock.instant(), actor.userId()), expectedVersion);
    }

    /** Cash or a card on the desk's terminal; answers the payment's id (its receipt is on the invoice). */
    public UUID takePayment(
            Actor actor, UUID invoiceId, PaymentMethod method, BigDecimal amount, Optional<String> reference) {
        InvoiceView invoice = reachable(actor, invoiceId, PaymentsOperation.TAKE_PAYMENT);
        if (method == PaymentMethod.CARD_ONLINE) {
            throw new Rejection.RuleViolated("payment.method-not-at-desk");
        }
        UUID paymentId = ids.next();
        commands.send(new InvoiceRequests.TakePayment(
                invoiceId,
                paymentId,
                method,
                Money.of(amount, invoice.currency()),
                reference.map(String::strip).filter(text -> !text.isEmpty()),
                clock.instant(),
                actor.userId()));
        return paymentId;
    }

    /**
     * Money back on one payment: cash out of the drawer for cash, the terminal's refund for a card
     * there, the card provider's refund for a card online. Above the clinic's threshold only a
     * manager or an administrator may.
     */
    public UUID refund(Actor actor, UUID invoiceId, UUID paymentId, BigDecimal amount, RefundReason reason) {
        InvoiceView invoice = reachable(actor, invoiceId, PaymentsOperation.REFUND);
        Money money = Money.of(amount, invoice.currency());
        if (money.toMajor().compareTo(settings.termsOf(invoice.clinicId()).refundApprovalAbove()) > 0) {
            access.require(actor, PaymentsOperation.APPROVE_REFUND, target(invoice));
        }
        Optional<InvoiceView.Entry> online = invoice.ledger().stream()
                .filter(entry -> entry.kind() == InvoiceView.EntryKind.PAYMENT
                        && entry.entryId().equals(paymentId)
                        && entry.method()
                                .filter(PaymentMethod.CARD_ONLINE::equals)
                                .isPresent())
                .findFirst();
        if (online.isPresent()) {
            // Checked before the provider is asked: money it gave back must always be recordable.
            Money refundable = online.get().amount();
            for (InvoiceView.Entry entry : invoice.ledger()) {
                if (entry.kind() == InvoiceView.EntryKind.REFUND
                        && entry.paymentId().equals(Optional.of(paymentId))) {
                    refundable = refundable.minus(entry.amount());
                }
            }
            if (money.compareTo(refundable) > 0) {
                throw new Rejection.RuleViolated("refund.exceeds-payment", refundable);
            }
            return cardRefunds.giveBack(
                    invoiceId,
                    paymentId,
                    online.get().reference().orElseThrow(),
                    money,
                    reason.code(),
                    "desk-refund:" + ids.next(),
                    actor.userId());
        }
        UUID refundId = ids.next();
        commands.send(new RefundPayment(
                invoiceId, refundId, paymentId, money, reason.code(), clock.instant(), actor.userId()));
        return refundId;
    }

    /** Lower what the invoice asks: an adjustment or a write-off, a manager's decision. */
    public UUID credit(Actor actor, UUID invoiceId, BigDecimal amount, CreditKind kind) {
        InvoiceView invoice = reachable(actor, invoiceId, PaymentsOperation.APPROVE_REFUND);
        if (kind == CreditKind.CANCELLATION) {
            throw new Rejection.RuleViolated("credit.kind-invalid");
        }
        UUID creditId = ids.next();
        String reason = kind == CreditKind.WRITE_OFF ? "credit.write-off" : "credit.adjustment";
        commands.send(new CreditInvoice(
                invoiceId,
                creditId,
                Money.of(amount, invoice.currency()),
                kind,
                reason,
                List.of(),
                clock.instant(),
                actor.userId()));
        return creditId;
    }

    public InvoiceView invoice(Actor actor, UUID invoiceId) {
        return reachable(actor, invoiceId, PaymentsOperation.READ_INVOICE);
    }

    /** The receipt of one payment of the invoice, for whoever may read the invoice. */
    public Receipt receipt(Actor actor, UUID invoiceId, UUID paymentId) {
        InvoiceView invoice = reachable(actor, invoiceId, PaymentsOperation.READ_INVOICE);
        InvoiceView.Entry payment = invoice.ledger().stream()
                .filter(entry -> entry.kind() == InvoiceView.EntryKind.PAYMENT
                        && entry.entryId().equals(paymentId))
                .findFirst()
                .orElseThrow(() -> new Rejection.NotFound("payment.not-found"));
        // Where the invoice stood right after this payment: its ledger up to the payment's entry.
        Money paidToDate = Money.zero(invoice.currency());
        Money due = Money.zero(invoice.currency());
        for (InvoiceView.Entry entry : invoice.ledger()) {
            if (entry.position() > payment.position()) {
                break;
            }
            switch (entry.kind()) {
                case CHARGE -> due = due.plus(entry.amount());
                case CREDIT -> due = due.minus(entry.amount());
                case PAYMENT -> paidToDate = paidToDate.plus(entry.amount());
                case REFUND -> paidToDate = paidToDate.minus(entry.amount());
            }
        }
        DirectoryFacts.ClinicFacts clinic = directory.clinic(invoice.clinicId()).orElseThrow();
        DirectoryFacts.Names patient =
                directory.names(List.of(invoice.patientId()), List.of()).patient(invoice.patientId());
        return new Receipt(
                payment.receiptNumber().orElseThrow(),
                paymentId,
                invoiceId,
                invoice.number(),
                clinic.names().nameAr(),
                clinic.names().nameEn(),
                clinic.zone(),
                invoice.patientId(),
                patient.nameAr(),
                patient.nameEn(),
                payment.method().orElseThrow(),
                payment.amount(),
                payment.reference(),
                payment.at(),
                due,
                paidToDate,
                due.minus(paidToDate));
    }

    /** The invoice a booked visit opened. */
    public InvoiceView ofAppointment(Actor actor, UUID appointmentId) {
        access.requireRole(actor, PaymentsOperation.READ_INVOICE);
        InvoiceView invoice =
                invoices.ofAppointment(appointmentId).orElseThrow(() -> new Rejection.NotFound("invoice.not-found"));
        access.require(actor, PaymentsOperation.READ_INVOICE, target(invoice));
        return invoice;
    }

    public Page<InvoiceSummary> ofBranch(Actor actor, UUID branchId, Set<InvoiceStatus> statuses, PageRequest page) {
        access.requireRole(actor, PaymentsOperation.LIST_INVOICES);
        DirectoryFacts.BranchFacts branch =
                directory.branch(branchId).orElseThrow(() -> new Rejection.NotFound("branch.not-found"));
        access.require(actor, PaymentsOperation.LIST_INVOICES, Target.branch(branch.clinicId(), branchId));
        return invoices.invoices(
                new InvoiceReadModel.Filter(
                        Optional.empty(), Optional.of(branch.clinicId()), Optional.of(branchId), statuses),
                page);
    }

    /**
     * A patient's invoices: all of them for the patient and for whoever reaches the patient's clinic,
     * the branch's for reception there.
     */
    public Page<InvoiceSummary> ofPatient(Actor actor, UUID patientId, Set<InvoiceStatus> statuses, PageRequest page) {
        Reach reach = access.requireRole(actor, PaymentsOperation.LIST_PATIENT_INVOICES);
        DirectoryFacts.PatientFacts patient =
                directory.patient(patientId).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
        Target where = reach == Reach.OWN_BRANCH
                ? Target.branch(patient.clinicId(), actor.branchId().orElse(patient.homeBranchId()))
                : Target.clinic(patient.clinicId());
        access.require(actor, PaymentsOperation.LIST_PATIENT_INVOICES, where.ofPatient(patientId));
        Optional<UUID> branch = reach == Reach.OWN_BRANCH ? actor.branchId() : Optional.empty();
        return invoices.invoices(
                new InvoiceReadModel.Filter(Optional.of(patientId), Optional.of(patient.clinicId()), branch, statuses),
                page);
    }

    /** The signed-in patient's own invoices. */
    public Page<InvoiceSummary> mine(Actor actor, Set<InvoiceStatus> statuses, PageRequest page) {
        access.requireRole(actor, PaymentsOperation.OWN_INVOICES);
        UUID patientId = access.ownPatientRecord(actor).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
        return ofPatient(actor, patientId, statuses, page);
    }

    private InvoiceView reachable(Actor actor, UUID invoiceId, PaymentsOperation operation) {
        access.requireRole(actor, operation);
        InvoiceView invoice =
                invoices.invoice(invoiceId).orElseThrow(() -> new Rejection.NotFound("invoice.not-found"));
        access.require(actor, operation, target(invoice));
        return invoice;
    }

    private static Target target(InvoiceView invoice) {
        return Target.branch(invoice.clinicId(), invoice.branchId()).ofPatient(invoice.patientId());
    }

    private InvoiceLine line(LineInput input, String currency, TaxRate tax) {
        if (input.kind() == null) {
            throw new Rejection.RuleViolated("invoice.line-kind-required");
        }
        if (input.unitPrice() == null) {
            throw new Rejection.RuleViolated("invoice.line-price-invalid");
        }
        return new InvoiceLine(
                ids.next(),
                input.kind(),
                input.description(),
                Money.of(input.unitPrice(), currency),
                input.quantity(),
                input.taxable() ? tax : TaxRate.NONE);
    }
}
