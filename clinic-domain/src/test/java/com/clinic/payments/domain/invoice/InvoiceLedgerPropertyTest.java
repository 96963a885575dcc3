package com.clinic.payments.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.InvoiceCommand.CreditInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.IssueInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.RecordPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.RefundPayment;
import com.clinic.payments.domain.invoice.InvoiceCommand.VoidInvoice;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceCredited;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceIssued;
import com.clinic.payments.domain.invoice.InvoiceEvent.InvoiceVoided;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRecorded;
import com.clinic.payments.domain.invoice.InvoiceEvent.PaymentRefunded;
import com.clinic.platform.domain.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Over randomised histories of payments, refunds, credits, cancellations settled by policy and voids (most of them refused), the
 * ledger the accepted events post always adds up: issued total - credits = paid - refunded +
 * outstanding, no payment gives back more than it brought, the clinic never holds more than it
 * charged, and a command repeated after it was accepted records nothing more.
 */
class InvoiceLedgerPropertyTest {

    private static final InvoiceDecider DECIDER = new InvoiceDecider();
    private static final UUID INVOICE = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID DESK = UUID.fromString("00000000-0000-7000-8000-00000000f001");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    /** A handful of ids, so that histories repeat them: refunds of the same payment, reused ids. */
    private static final List<UUID> IDS = List.of(
            UUID.fromString("00000000-0000-7000-8000-000000000001"),
            UUID.fromString("00000000-0000-7000-8000-000000000002"),
            UUID.fromString("00000000-0000-7000-8000-000000000003"),
            UUID.fromString("00000000-0000-7000-8000-000000000004"));

    @Property(tries = 500)
    void theLedgerOfEveryHistoryAddsUp(
            @ForAll("prices") long priceMinor, @ForAll("steps") @Size(max = 40) List<InvoiceCommand> steps) {
        InvoiceLine line = new InvoiceLine(
                IDS.getFirst(),
                InvoiceLine.Kind.APPOINTMENT,
                "Visit",
                new Money(priceMinor, "SAR"),
                1,
                new TaxRate(1_500));
        List<InvoiceEvent> history = new ArrayList<>();
        InvoiceState state = DECIDER.initialState();
        for (InvoiceCommand command : List.of(
                new OpenInvoice(
                        INVOICE, IDS.get(1), IDS.get(2), IDS.get(3), Optional.empty(), "SAR", List.of(line), AT, DESK),
                new IssueInvoice(INVOICE, 1, AT, DESK))) {
            List<InvoiceEvent> events = DECIDER.decide(command, state);
            history.addAll(events);
            state = DECIDER.fold(state, events);
        }
        for (InvoiceCommand step : steps) {
            List<InvoiceEvent> events;
            try {
                events = DECIDER.decide(step, state);
            } catch (Rejection refused) {
                continue;
            }
            history.addAll(events);
            state = DECIDER.fold(state, events);
            assertThat(DECIDER.decide(step, state)).as("repeating %s", step).isEmpty();
            checkLedger((InvoiceState.Existing) state, history);
        }
        checkLedger((InvoiceState.Existing) state, history);
    }

    /** Sums the entries each event posts, independently of the state's own arithmetic. */
    private static void checkLedger(InvoiceState.Existing state, List<InvoiceEvent> history) {
        long charged = 0;
        long credited = 0;
        long paid = 0;
        long refunded = 0;
        Map<UUID, Long> perPayment = new HashMap<>();
        for (InvoiceEvent event : history) {
            switch (event) {
                case InvoiceIssued issued -> charged += issued.total().minor();
                case InvoiceCredited credit -> credited += credit.amount().minor();
                case InvoiceVoided voided -> credited += voided.credited().minor();
                case PaymentRecorded payment -> {
                    paid += payment.amount().minor();
                    perPayment.merge(payment.paymentId(), payment.amount().minor(), Long::sum);
                }
                case PaymentRefunded refund -> {
                    refunded += refund.amount().minor();
                    credited += refund.credit().minor();
                    perPayment.merge(refund.paymentId(), -refund.amount().minor(), Long::sum);
                }
                default -> {}
            }
        }
        assertThat(charged - credited)
                .isEqualTo(paid - refunded + state.outstanding().minor());
        assertThat(state.due().minor()).isEqualTo(charged - credited).isNotNegative();
        assertThat(perPayment.values()).allSatisfy(left -> assertThat(left).isNotNegative());
        assertThat(paid - refunded).isNotNegative().isLessThanOrEqualTo(charged);
        if (state.status() == InvoiceStatus.PAID) {
            assertThat(state.outstanding().minor()).isNotPositive();
        }
        if (state.status() == InvoiceStatus.PARTLY_PAID || state.status() == InvoiceStatus.ISSUED) {
            assertThat(state.outstanding().minor()).isPositive();
        }
    }

    @Provide
    Arbitrary<Long> prices() {
        return Arbitraries.longs().between(1, 500_000);
    }

    @Provide
    Arbitrary<List<InvoiceCommand>> steps() {
        Arbitrary<UUID> ids = Arbitraries.of(IDS);
        Arbitrary<Money> amounts = Arbitraries.longs().between(1, 700_000).map(minor -> new Money(minor, "SAR"));
        Arbitrary<InvoiceCommand> pay = Combinators.combine(ids, amounts, Arbitraries.of(PaymentMethod.values()))
                .as((id, amount, method) ->
                        new RecordPayment(INVOICE, id, method, amount, 1, Optional.empty(), AT, DESK));
        Arbitrary<InvoiceCommand> refund = Combinators.combine(ids, ids, amounts)
                .as((refundId, paymentId, amount) ->
                        new RefundPayment(INVOICE, refundId, paymentId, amount, "refund.goodwill", AT, DESK));
        Arbitrary<InvoiceCommand> credit = Combinators.combine(ids, amounts, Arbitraries.of(CreditKind.values()))
                .as((id, amount, kind) ->
                        new CreditInvoice(INVOICE, id, amount, kind, "credit.adjustment", List.of(), AT, DESK));
        Arbitrary<InvoiceCommand> settle = Combinators.combine(
                        Arbitraries.of(RefundPolicy.Party.values()),
                        Arbitraries.of(true, false),
                        Arbitraries.longs().between(-3_600, 200_000),
                        Arbitraries.integers().between(0, 100))
                .as((party, noShow, secondsAhead, percent) -> new InvoiceCommand.SettleCancellation(
                        INVOICE,
                        new RefundPolicy(java.time.Duration.ofHours(24), percent, 0),
                        AT.plusSeconds(secondsAhead),
                        party,
                        noShow,
                        AT,
                        DESK));
        Arbitrary<InvoiceCommand> withdraw = Arbitraries.just(new VoidInvoice(INVOICE, "invoice.withdrawn", AT, DESK));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, pay),
                        net.jqwik.api.Tuple.of(4, refund),
                        net.jqwik.api.Tuple.of(3, credit),
                        net.jqwik.api.Tuple.of(1, settle),
                        net.jqwik.api.Tuple.of(1, withdraw))
                .list();
    }
}
