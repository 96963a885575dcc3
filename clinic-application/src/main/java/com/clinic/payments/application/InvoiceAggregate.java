package com.clinic.payments.application;

import com.clinic.payments.application.port.NumberSequences;
import com.clinic.payments.domain.invoice.InvoiceCommand;
import com.clinic.payments.domain.invoice.InvoiceCommand.AddLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.CreditInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.IssueInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.RecordPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.RefundPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.RemoveLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.SettleCancellation;
import com.clinic.payments.domain.invoice.InvoiceCommand.VoidInvoice;
import com.clinic.payments.domain.invoice.InvoiceDecider;
import com.clinic.payments.domain.invoice.InvoiceEvent;
import com.clinic.payments.domain.invoice.InvoiceState;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Event-sourced invoice; all decisions are the domain decider's. The only thing it adds is a number
 * from the clinic's sequences, taken just before the decider records the issue or the payment that
 * carries it, in the command's transaction. Handlers answer the version after the command (the new
 * ETag).
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class InvoiceAggregate extends DeciderAggregate<InvoiceCommand, InvoiceEvent, InvoiceState> {

    private static final InvoiceDecider DECIDER = new InvoiceDecider();

    /** Passed where the decider records nothing or refuses before it reads the number. */
    private static final long UNUSED = 1;

    public InvoiceAggregate() {}

    @Override
    protected Decider<InvoiceCommand, InvoiceEvent, InvoiceState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(OpenInvoice command) {
        return decided(command);
    }

    @CommandHandler
    Long handle(AddLine command) {
        return decided(command);
    }

    @CommandHandler
    Long handle(RemoveLine command) {
        return decided(command);
    }

    @CommandHandler
    Long handle(InvoiceRequests.Issue request, NumberSequences numbers) {
        long number = state() instanceof InvoiceState.Existing invoice
                        && invoice.status() == InvoiceStatus.DRAFT
                        && !invoice.lines().isEmpty()
                ? numbers.next(invoice.clinicId(), NumberSequences.Series.INVOICE)
                : UNUSED;
        return decided(new IssueInvoice(request.invoiceId(), number, request.at(), request.by()));
    }

    @CommandHandler
    Long handle(InvoiceRequests.TakePayment request, NumberSequences numbers) {
        long receipt = state() instanceof InvoiceState.Existing invoice
                        && invoice.issued()
                        && !invoice.voided()
                        && !invoice.payments().containsKey(request.paymentId())
                        && request.amount().isPositive()
                        && request.amount().compareTo(invoice.outstanding()) <= 0
                ? numbers.next(invoice.clinicId(), NumberSequences.Series.RECEIPT)
                : UNUSED;
        return decided(new RecordPayment(
                request.invoiceId(),
                request.paymentId(),
                request.method(),
                request.amount(),
                receipt,
                request.reference(),
                request.at(),
                request.by()));
    }

    @CommandHandler
    Long handle(RefundPayment command) {
        return decided(command);
    }

    @CommandHandler
    Long handle(CreditInvoice command) {
        return decided(command);
    }

    @CommandHandler
    Long handle(SettleCancellation command) {
        return decided(command);
    }

    @CommandHandler
    Long handle(VoidInvoice command) {
        return decided(command);
    }

    private Long decided(InvoiceCommand command) {
        decide(command);
        return AggregateLifecycle.getVersion();
    }
}
