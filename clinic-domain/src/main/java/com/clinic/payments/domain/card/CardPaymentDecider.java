package com.clinic.payments.domain.card;

import com.clinic.payments.domain.card.CardPaymentCommand.AttachIntent;
import com.clinic.payments.domain.card.CardPaymentCommand.ReportStatus;
import com.clinic.payments.domain.card.CardPaymentCommand.RequestCardPayment;
import com.clinic.payments.domain.card.CardPaymentEvent.CardIntentAttached;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentRequested;
import com.clinic.payments.domain.card.CardPaymentEvent.CardPaymentStatusChanged;
import com.clinic.payments.domain.card.CardPaymentEvent.CardReportIgnored;
import com.clinic.payments.domain.card.CardPaymentState.Existing;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A card payment follows the provider's reports in the provider's own order: a report is applied
 * when it is newer than the one that set the current state (a tie goes to the further state), a
 * final state (succeeded, canceled) is never left, and a report seen before records nothing. So a
 * late "processing" never overwrites "succeeded", and a redelivered webhook has one effect.
 */
public final class CardPaymentDecider implements Decider<CardPaymentCommand, CardPaymentEvent, CardPaymentState> {

    @Override
    public CardPaymentState initialState() {
        return new CardPaymentState.Absent();
    }

    @Override
    public List<CardPaymentEvent> decide(CardPaymentCommand command, CardPaymentState state) {
        return switch (command) {
            case RequestCardPayment request -> {
                if (state instanceof Existing existing) {
                    if (existing.invoiceId().equals(request.invoiceId())
                            && existing.amount().equals(request.amount())) {
                        yield List.of();
                    }
                    throw new Rejection.Conflict("card-payment.id-reused");
                }
                if (!request.amount().isPositive()) {
                    throw new Rejection.RuleViolated("payment.amount-not-positive");
                }
                yield List.of(new CardPaymentRequested(
                        request.paymentId(),
                        request.invoiceId(),
                        request.clinicId(),
                        request.patientId(),
                        request.amount(),
                        request.at(),
                        request.by()));
            }
            case AttachIntent attach -> {
                Existing payment = existing(state);
                if (payment.intentId().isPresent()) {
                    if (payment.intentId().get().equals(attach.intentId())) {
                        yield List.of();
                    }
                    throw new Rejection.Conflict("card-payment.intent-mismatch");
                }
                yield List.of(
                        new CardIntentAttached(attach.paymentId(), attach.intentId(), attach.status(), attach.at()));
            }
            case ReportStatus report -> report(report, existing(state));
        };
    }

    private static List<CardPaymentEvent> report(ReportStatus report, Existing payment) {
        if (payment.reports().contains(report.eventId())) {
            return List.of();
        }
        if (payment.intentId().filter(id -> !id.equals(report.intentId())).isPresent()) {
            throw new Rejection.Conflict("card-payment.intent-mismatch");
        }
        boolean newer = payment.lastReportAt()
                .map(last -> report.occurredAt().isAfter(last)
                        || (report.occurredAt().equals(last)
                                && report.status().rank() > payment.status().rank()))
                .orElse(true);
        if (payment.status().isFinal() || !newer || report.status() == payment.status()) {
            return List.of(new CardReportIgnored(
                    report.paymentId(), report.eventId(), report.status(), payment.status(), report.at()));
        }
        return List.of(new CardPaymentStatusChanged(
                report.paymentId(),
                payment.invoiceId(),
                payment.amount(),
                report.intentId(),
                report.eventId(),
                payment.status(),
                report.status(),
                report.occurredAt(),
                report.at()));
    }

    @Override
    public CardPaymentState evolve(CardPaymentState state, CardPaymentEvent event) {
        return switch (event) {
            case CardPaymentRequested requested ->
                new Existing(
                        requested.paymentId(),
                        requested.invoiceId(),
                        requested.clinicId(),
                        requested.patientId(),
                        requested.amount(),
                        Optional.empty(),
                        CardPaymentStatus.REQUESTED,
                        Optional.empty(),
                        Set.of());
            case CardIntentAttached attached -> {
                Existing payment = (Existing) state;
                yield payment.with(
                        Optional.of(attached.intentId()), attached.status(), payment.lastReportAt(), Optional.empty());
            }
            case CardPaymentStatusChanged changed -> {
                Existing payment = (Existing) state;
                yield payment.with(
                        Optional.of(changed.intentId()),
                        changed.status(),
                        Optional.of(changed.occurredAt()),
                        Optional.of(changed.eventId()));
            }
            case CardReportIgnored ignored -> {
                Existing payment = (Existing) state;
                yield payment.with(
                        payment.intentId(), payment.status(), payment.lastReportAt(), Optional.of(ignored.eventId()));
            }
        };
    }

    private static Existing existing(CardPaymentState state) {
        if (state instanceof Existing existing) {
            return existing;
        }
        throw new Rejection.NotFound("card-payment.not-found");
    }
}
