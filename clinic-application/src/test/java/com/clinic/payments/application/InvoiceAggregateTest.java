package com.clinic.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.payments.application.port.NumberSequences;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.CreditKind;
import com.clinic.payments.domain.invoice.InvoiceCommand.AddLine;
import com.clinic.payments.domain.invoice.InvoiceCommand.CreditInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
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
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.domain.Rejection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invoice aggregate on Axon's fixture, every command path: the decider decides, and the
 * aggregate takes an invoice or receipt number from the clinic's sequence exactly when the invoice is
 * issued or a new payment recorded, never for a repeat or a refusal.
 */
class InvoiceAggregateTest {

    private static final UUID INVOICE = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-00000000b001");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-00000000d001");
    private static final UUID DESK = UUID.fromString("00000000-0000-7000-8000-00000000f001");
    private static final UUID PAYMENT = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final InvoiceLine VISIT = new InvoiceLine(
            UUID.fromString("00000000-0000-7000-8000-000000001001"),
            InvoiceLine.Kind.APPOINTMENT,
            "Visit",
            sar("200.00"),
            1,
            new TaxRate(1_500));

    /** What the fixture's sequences handed out, by series. */
    private final Map<NumberSequences.Series, List<Long>> taken = new HashMap<>();

    private FixtureConfiguration<InvoiceAggregate> fixture;

    private static Money sar(String amount) {
        return Money.of(new BigDecimal(amount), "SAR");
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvoiceAggregate.class);
        fixture.registerCommandTargetResolver(new ClinicCommandTargetResolver());
        NumberSequences sequences = (clinicId, series) -> {
            List<Long> numbers = taken.computeIfAbsent(series, key -> new ArrayList<>());
            numbers.add(41L + numbers.size());
            return numbers.getLast();
        };
        fixture.registerInjectableResource(sequences);
    }

    private static InvoiceOpened opened() {
        return new InvoiceOpened(INVOICE, CLINIC, BRANCH, PATIENT, Optional.empty(), "SAR", List.of(VISIT), AT, DESK);
    }

    private static InvoiceIssued issued() {
        return new InvoiceIssued(INVOICE, CLINIC, 41, sar("200.00"), sar("30.00"), sar("230.00"), AT, DESK);
    }

    private static PaymentRecorded paid() {
        return new PaymentRecorded(INVOICE, PAYMENT, PaymentMethod.CASH, sar("230.00"), 41, Optional.empty(), AT, DESK);
    }

    private static InvoiceRequests.TakePayment cash(String amount) {
        return new InvoiceRequests.TakePayment(
                INVOICE, PAYMENT, PaymentMethod.CASH, sar(amount), Optional.empty(), AT, DESK);
    }

    @Test
    void aDraftIsOpenedAndEdited() {
        fixture.givenNoPriorActivity()
                .when(new OpenInvoice(
                        INVOICE, CLINIC, BRANCH, PATIENT, Optional.empty(), "SAR", List.of(VISIT), AT, DESK))
                .expectEvents(opened())
                .expectResultMessagePayload(0L);
        InvoiceLine lab =
                new InvoiceLine(UUID.randomUUID(), InvoiceLine.Kind.LAB, "CBC", sar("45.00"), 1, TaxRate.NONE);
        fixture.given(opened())
                .when(new AddLine(INVOICE, lab, AT, DESK))
                .expectEvents(new LineAdded(INVOICE, lab, AT, DESK));
        fixture.given(opened(), new LineAdded(INVOICE, lab, AT, DESK))
                .when(new RemoveLine(INVOICE, lab.lineId(), AT, DESK))
                .expectEvents(new LineRemoved(INVOICE, lab.lineId(), AT, DESK))
                .expectResultMessagePayload(2L);
    }

    @Test
    void issuingTakesTheClinicsNextInvoiceNumber() {
        fixture.given(opened())
                .when(new InvoiceRequests.Issue(INVOICE, AT, DESK))
                .expectEvents(issued())
                .expectResultMessagePayload(1L);
        assertThat(taken.get(NumberSequences.Series.INVOICE)).containsExactly(41L);
    }

    @Test
    void issuingAgainTakesNoNumber() {
        fixture.given(opened(), issued())
                .when(new InvoiceRequests.Issue(INVOICE, AT, DESK))
                .expectNoEvents();
        assertThat(taken).isEmpty();
    }

    @Test
    void anEmptyDraftIsRefusedWithoutTakingANumber() {
        fixture.given(new InvoiceOpened(INVOICE, CLINIC, BRANCH, PATIENT, Optional.empty(), "SAR", List.of(), AT, DESK))
                .when(new InvoiceRequests.Issue(INVOICE, AT, DESK))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("invoice.empty");
        assertThat(taken).isEmpty();
    }

    @Test
    void aPaymentTakesTheNextReceiptNumber() {
        fixture.given(opened(), issued()).when(cash("230.00")).expectEvents(paid());
        assertThat(taken.get(NumberSequences.Series.RECEIPT)).containsExactly(41L);
    }

    @Test
    void aRepeatedOrRefusedPaymentTakesNoReceiptNumber() {
        fixture.given(opened(), issued(), paid()).when(cash("230.00")).expectNoEvents();
        fixture.given(opened(), issued())
                .when(cash("230.01"))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("payment.exceeds-outstanding");
        fixture.given(opened())
                .when(cash("1.00"))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("invoice.not-payable");
        assertThat(taken).isEmpty();
    }

    @Test
    void refundsCreditsSettlementsAndVoidsAreTheDecidersDecisions() {
        fixture.given(opened(), issued(), paid())
                .when(new RefundPayment(INVOICE, PAYMENT, PAYMENT, sar("30.00"), "refund.goodwill", AT, DESK))
                .expectEvents(new PaymentRefunded(
                        INVOICE,
                        PAYMENT,
                        PAYMENT,
                        PaymentMethod.CASH,
                        sar("30.00"),
                        sar("30.00"),
                        "refund.goodwill",
                        AT,
                        DESK));
        fixture.given(opened(), issued())
                .when(new CreditInvoice(
                        INVOICE, PAYMENT, sar("230.01"), CreditKind.WRITE_OFF, "credit.write-off", List.of(), AT, DESK))
                .expectException(Rejection.RuleViolated.class)
                .expectExceptionMessage("credit.exceeds-due");
        fixture.given(opened(), issued())
                .when(new SettleCancellation(
                        INVOICE,
                        new RefundPolicy(Duration.ofHours(24), 50, 0),
                        AT.plus(Duration.ofDays(2)),
                        RefundPolicy.Party.PATIENT,
                        false,
                        AT,
                        DESK))
                .expectEvents(
                        new CancellationSettled(
                                INVOICE,
                                sar("230.00"),
                                sar("0.00"),
                                sar("0.00"),
                                "refund.cancelled-in-time",
                                List.of("24"),
                                AT,
                                DESK),
                        new InvoiceCredited(
                                INVOICE,
                                com.clinic.payments.domain.invoice.InvoiceDecider.settlementCredit(INVOICE),
                                sar("230.00"),
                                CreditKind.CANCELLATION,
                                "refund.cancelled-in-time",
                                List.of("24"),
                                AT,
                                DESK));
        fixture.given(opened(), issued(), paid())
                .when(new VoidInvoice(INVOICE, "invoice.withdrawn", AT, DESK))
                .expectException(Rejection.Conflict.class)
                .expectExceptionMessage("invoice.has-payments");
        fixture.given(opened(), issued())
                .when(new VoidInvoice(INVOICE, "invoice.withdrawn", AT, DESK))
                .expectEvents(new InvoiceVoided(INVOICE, sar("230.00"), "invoice.withdrawn", AT, DESK));
    }
}
