package com.clinic.payments.application;

import com.clinic.payments.domain.card.CardPaymentCommand;
import com.clinic.payments.domain.card.CardPaymentCommand.AttachIntent;
import com.clinic.payments.domain.card.CardPaymentCommand.ReportStatus;
import com.clinic.payments.domain.card.CardPaymentCommand.RequestCardPayment;
import com.clinic.payments.domain.card.CardPaymentDecider;
import com.clinic.payments.domain.card.CardPaymentEvent;
import com.clinic.payments.domain.card.CardPaymentState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Event-sourced card payment; all decisions are the domain decider's. */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class CardPaymentAggregate extends DeciderAggregate<CardPaymentCommand, CardPaymentEvent, CardPaymentState> {

    private static final CardPaymentDecider DECIDER = new CardPaymentDecider();

    public CardPaymentAggregate() {}

    @Override
    protected Decider<CardPaymentCommand, CardPaymentEvent, CardPaymentState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestCardPayment command) {
        decide(command);
    }

    @CommandHandler
    void handle(AttachIntent command) {
        decide(command);
    }

    @CommandHandler
    void handle(ReportStatus command) {
        decide(command);
    }
}
