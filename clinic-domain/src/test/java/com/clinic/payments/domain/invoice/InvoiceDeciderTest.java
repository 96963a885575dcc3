package com.clinic.payments.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
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
import com.clinic.platform.domain.Rejection;
import com.clinic.testsupport.DeciderSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceDeciderTest {

    private static final UUID INVOICE = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    private static final UUID CLINIC = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    private static final UUID BRANCH = UUID.fromString("00000000-0000-7000-8000-00000000b001");
    private static final UUID PATIENT = UUID.fromString("00000000-0000-7000-8000-00000000d001");
    private static final UUID APPOINTMENT = UUID.fromString("00000000-0000-7000-8000-00000000e001");
    private static final UUID DESK = UUID.fromString("00000000-0000-7000-8000-00000000f001");
    private static final UUID PAYMENT = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID REFUND = UUID.fromString("00000000-0000-7000-8000-000000000101");
    private static final UUID CREDIT = UUID.fromString("00000000-0000-7000-8000-000000000c02");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final TaxRate VAT = new TaxRate(1_500);
    private static final RefundPolicy POLICY = new RefundPolicy(Duration.ofHours(24), 50, 0);
    private static final UUID SYSTEM = new UUID(0, 0);

    private static final InvoiceLine VISIT = new InvoiceLine(
            UUID.fromString("00000000-0000-7000-8000-000000001001"),
            InvoiceLine.Kind.APPOINTMENT,
            "Follow-up visit",
            sar("200.00"),
            1,
            VAT);
    private static final InvoiceLine LAB = new InvoiceLine(
            UUID.fromString("00000000-0000-7000-8000-000000001002"), InvoiceLine.Kind.LAB, "CBC", sar("45.50"), 2, VAT);
    private static final InvoiceLine DISCOUNT = new InvoiceLine(
            UUID.fromString("00000000-0000-7000-8000-000000001003"),
            InvoiceLine.Kind.DISCOUNT,
            "Loyalty",
            sar("-20.00"),
            1,
            VAT);

    private static final InvoiceDecider DECIDER = new InvoiceDecider();

    private final DeciderSpecification<InvoiceCommand, InvoiceEvent, InvoiceState> spec =
            DeciderSpecification.of(DECIDER::decide, DECIDER::evolve, DECIDER.initialState());

    private static Money sar(String amount) {
        return Money.of(new BigDecimal(amount), "SAR");
    }

    private static InvoiceOpened opened(InvoiceLine... lines) {
        return new InvoiceOpened(
                INVOICE, CLINIC, BRANCH, PATIENT, Optional.of(APPOINTMENT), "SAR", List.of(lines), AT, DESK);
    }

    /** 200 + 15 % VAT. */
    private static InvoiceIssued issued(long number) {
        return new InvoiceIssued(INVOICE, CLINIC, number, sar("200.00"), sar("30.00"), sar("230.00"), AT, DESK);
    }

    private static PaymentRecorded paid(UUID payment, String amount, long receipt) {
        return new PaymentRecorded(
                INVOICE, payment, PaymentMethod.CASH, sar(amount), receipt, Optional.empty(), AT, DESK);
    }

    private static RecordPayment pay(UUID payment, String amount) {
        return new RecordPayment(INVOICE, payment, PaymentMethod.CASH, sar(amount), 7, Optional.empty(), AT, DESK);
    }

    private InvoiceState.Existing stateAfter(InvoiceEvent... events) {
        return (InvoiceState.Existing) DECIDER.fold(DECIDER.initialState(), List.of(events));
    }

    @Test
    void aDraftIsOpenedForAPatientAtABranchInItsCurrency() {
        spec.when(new OpenInvoice(
                        INVOICE, CLINIC, BRANCH, PATIENT, Optional.of(APPOINTMENT), "SAR", List.of(VISIT), AT, DESK))
                .then(opened(VISIT));
        assertThat(stateAfter(opened(VISIT)).status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void anInvoiceIsOpenedOnlyOnce() {
        spec.given(opened(VISIT))
                .when(new OpenInvoice(INVOICE, CLINIC, BRANCH, PATIENT, Optional.empty(), "SAR", List.of(), AT, DESK))
                .thenRejects(Rejection.Conflict.class, "invoice.already-exists");
    }

    @Test
    void openingTheSameInvoiceAgainRecordsNothing() {
        spec.given(opened(VISIT))
                .when(new OpenInvoice(
                        INVOICE, CLINIC, BRANCH, PATIENT, Optional.of(APPOINTMENT), "SAR", List.of(VISIT), AT, DESK))
                .thenNothing();
    }

    @Test
    void aLateCancellationReleasesPartOfThePriceAndTellsWhy() {
        Instant start = AT.plus(Duration.ofHours(5));
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7))
                .when(new SettleCancellation(INVOICE, POLICY, start, RefundPolicy.Party.PATIENT, false, AT, SYSTEM))
                .then(
                        new CancellationSettled(
                                INVOICE,
                                sar("115.00"),
                                sar("115.00"),
                                sar("115.00"),
                                "refund.cancelled-late",
                                List.of("50", "24"),
                                AT,
                                SYSTEM),
                        new InvoiceCredited(
                                INVOICE,
                                InvoiceDecider.settlementCredit(INVOICE),
                                sar("115.00"),
                                CreditKind.CANCELLATION,
                                "refund.cancelled-late",
                                List.of("50", "24"),
                                AT,
                                SYSTEM));
    }

    @Test
    void aNoShowReleasesNothingButRecordsTheDecision() {
        spec.given(opened(VISIT), issued(1))
                .when(new SettleCancellation(
                        INVOICE, POLICY, AT.minusSeconds(900), RefundPolicy.Party.PATIENT, true, AT, SYSTEM))
                .then(new CancellationSettled(
                        INVOICE, sar("0.00"), sar("230.00"), sar("0.00"), "refund.no-show", List.of("0"), AT, SYSTEM));
    }

    @Test
    void anInvoiceIsSettledOnce() {
        spec.given(
                        opened(VISIT),
                        issued(1),
                        new CancellationSettled(
                                INVOICE,
                                sar("0.00"),
                                sar("230.00"),
                                sar("0.00"),
                                "refund.no-show",
                                List.of("0"),
                                AT,
                                SYSTEM))
                .when(new SettleCancellation(INVOICE, POLICY, AT, RefundPolicy.Party.CLINIC, false, AT, SYSTEM))
                .thenNothing();
    }

    @Test
    void aDraftOfACancelledVisitIsVoided() {
        spec.given(opened(VISIT))
                .when(new SettleCancellation(INVOICE, POLICY, AT, RefundPolicy.Party.CLINIC, false, AT, SYSTEM))
                .then(new InvoiceVoided(INVOICE, sar("0.00"), "invoice.appointment-cancelled", AT, SYSTEM));
    }

    @Test
    void aLineInAnotherCurrencyIsRefused() {
        InvoiceLine dollars = new InvoiceLine(
                UUID.randomUUID(), InvoiceLine.Kind.OTHER, "Import", Money.of(BigDecimal.TEN, "USD"), 1, VAT);
        spec.when(new OpenInvoice(
                        INVOICE, CLINIC, BRANCH, PATIENT, Optional.empty(), "SAR", List.of(dollars), AT, DESK))
                .thenRejects(Rejection.RuleViolated.class, "payment.currency-mismatch");
        spec.given(opened())
                .when(new AddLine(INVOICE, dollars, AT, DESK))
                .thenRejects(Rejection.RuleViolated.class, "payment.currency-mismatch");
    }

    @Test
    void receptionAddsAndRemovesLinesWhileItIsADraft() {
        spec.given(opened(VISIT)).when(new AddLine(INVOICE, LAB, AT, DESK)).then(new LineAdded(INVOICE, LAB, AT, DESK));
        spec.given(opened(VISIT), new LineAdded(INVOICE, LAB, AT, DESK))
                .when(new AddLine(INVOICE, LAB, AT, DESK))
                .thenNothing();
        spec.given(opened(VISIT, LAB))
                .when(new RemoveLine(INVOICE, LAB.lineId(), AT, DESK))
                .then(new LineRemoved(INVOICE, LAB.lineId(), AT, DESK));
        spec.given(opened(VISIT))
                .when(new RemoveLine(INVOICE, LAB.lineId(), AT, DESK))
                .thenRejects(Rejection.NotFound.class, "invoice.line-not-found");
    }

    @Test
    void aLineIdCarriesOneLine() {
        InvoiceLine other = new InvoiceLine(LAB.lineId(), InvoiceLine.Kind.LAB, "Lipids", sar("80.00"), 1, VAT);
        spec.given(opened(LAB))
                .when(new AddLine(INVOICE, other, AT, DESK))
                .thenRejects(Rejection.Conflict.class, "invoice.line-exists");
    }

    @Test
    void anIssuedInvoiceNoLongerChanges() {
        spec.given(opened(VISIT), issued(1))
                .when(new AddLine(INVOICE, LAB, AT, DESK))
                .thenRejects(Rejection.Conflict.class, "invoice.not-draft");
    }

    @Test
    void issuingTotalsTheLinesWithTaxRoundedPerLine() {
        // 200.00 + 2 × 45.50 - 20.00 = 271.00 net; tax 30.00 + 13.65 - 3.00 = 40.65.
        spec.given(opened(VISIT, LAB, DISCOUNT))
                .when(new IssueInvoice(INVOICE, 41, AT, DESK))
                .then(new InvoiceIssued(INVOICE, CLINIC, 41, sar("271.00"), sar("40.65"), sar("311.65"), AT, DESK));
        InvoiceState.Existing issued = stateAfter(opened(VISIT), issued(41));
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.outstanding()).isEqualTo(sar("230.00"));
    }

    @Test
    void issuingTwiceRecordsNothing() {
        spec.given(opened(VISIT), issued(1))
                .when(new IssueInvoice(INVOICE, 2, AT, DESK))
                .thenNothing();
    }

    @Test
    void anEmptyOrNegativeInvoiceIsNotIssued() {
        spec.given(opened())
                .when(new IssueInvoice(INVOICE, 1, AT, DESK))
                .thenRejects(Rejection.RuleViolated.class, "invoice.empty");
        spec.given(opened(DISCOUNT))
                .when(new IssueInvoice(INVOICE, 1, AT, DESK))
                .thenRejects(Rejection.RuleViolated.class, "invoice.total-negative");
    }

    @Test
    void aDraftCannotBePaid() {
        spec.given(opened(VISIT))
                .when(pay(PAYMENT, "10.00"))
                .thenRejects(Rejection.Conflict.class, "invoice.not-payable");
    }

    @Test
    void paymentsAddUpToPaid() {
        UUID second = UUID.randomUUID();
        spec.given(opened(VISIT), issued(1))
                .when(pay(PAYMENT, "100.00"))
                .then(new PaymentRecorded(
                        INVOICE, PAYMENT, PaymentMethod.CASH, sar("100.00"), 7, Optional.empty(), AT, DESK));
        InvoiceState.Existing partly = stateAfter(opened(VISIT), issued(1), paid(PAYMENT, "100.00", 7));
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        InvoiceState.Existing full =
                stateAfter(opened(VISIT), issued(1), paid(PAYMENT, "100.00", 7), paid(second, "130.00", 8));
        assertThat(full.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(full.outstanding().isZero()).isTrue();
    }

    @Test
    void nothingIsPaidBeyondWhatIsOutstanding() {
        Rejection.RuleViolated refused = spec.given(opened(VISIT), issued(1), paid(PAYMENT, "200.00", 7))
                .when(pay(UUID.randomUUID(), "30.01"))
                .thenRejects(Rejection.RuleViolated.class, "payment.exceeds-outstanding");
        assertThat(refused.arguments()).containsExactly(sar("30.00"));
    }

    @Test
    void aRepeatedPaymentIsRecordedOnce() {
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "100.00", 7))
                .when(pay(PAYMENT, "100.00"))
                .thenNothing();
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "100.00", 7))
                .when(pay(PAYMENT, "90.00"))
                .thenRejects(Rejection.Conflict.class, "payment.id-reused");
    }

    @Test
    void aPaymentIsPositiveAndInTheInvoicesCurrency() {
        spec.given(opened(VISIT), issued(1))
                .when(pay(PAYMENT, "0.00"))
                .thenRejects(Rejection.RuleViolated.class, "payment.amount-not-positive");
        spec.given(opened(VISIT), issued(1))
                .when(new RecordPayment(
                        INVOICE,
                        PAYMENT,
                        PaymentMethod.CASH,
                        Money.of(BigDecimal.ONE, "EGP"),
                        7,
                        Optional.empty(),
                        AT,
                        DESK))
                .thenRejects(Rejection.RuleViolated.class, "payment.currency-mismatch");
    }

    @Test
    void aRefundOfAFullyPaidInvoiceAlsoLowersWhatItAsks() {
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7))
                .when(new RefundPayment(INVOICE, REFUND, PAYMENT, sar("50.00"), "refund.goodwill", AT, DESK))
                .then(new PaymentRefunded(
                        INVOICE,
                        REFUND,
                        PAYMENT,
                        PaymentMethod.CASH,
                        sar("50.00"),
                        sar("50.00"),
                        "refund.goodwill",
                        AT,
                        DESK));
    }

    @Test
    void aRefundPaysBackWhatACreditLeftOwedFirst() {
        InvoiceCredited released = new InvoiceCredited(
                INVOICE,
                CREDIT,
                sar("115.00"),
                CreditKind.CANCELLATION,
                "refund.cancelled-late",
                List.of("50", "24"),
                AT,
                DESK);
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7), released)
                .when(new RefundPayment(INVOICE, REFUND, PAYMENT, sar("115.00"), "refund.cancelled-late", AT, DESK))
                .then(new PaymentRefunded(
                        INVOICE,
                        REFUND,
                        PAYMENT,
                        PaymentMethod.CASH,
                        sar("115.00"),
                        sar("0.00"),
                        "refund.cancelled-late",
                        AT,
                        DESK));
        InvoiceState.Existing owed = stateAfter(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7), released);
        assertThat(owed.outstanding()).isEqualTo(sar("-115.00"));
        assertThat(owed.status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void noPaymentIsRefundedBeyondWhatItBrought() {
        PaymentRefunded earlier = new PaymentRefunded(
                INVOICE,
                REFUND,
                PAYMENT,
                PaymentMethod.CASH,
                sar("200.00"),
                sar("200.00"),
                "refund.goodwill",
                AT,
                DESK);
        Rejection.RuleViolated refused = spec.given(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7), earlier)
                .when(new RefundPayment(INVOICE, UUID.randomUUID(), PAYMENT, sar("30.01"), "refund.goodwill", AT, DESK))
                .thenRejects(Rejection.RuleViolated.class, "refund.exceeds-payment");
        assertThat(refused.arguments()).containsExactly(sar("30.00"));
    }

    @Test
    void severalRefundsOfOnePaymentUntilItIsAllBack() {
        UUID second = UUID.randomUUID();
        PaymentRefunded first = new PaymentRefunded(
                INVOICE,
                REFUND,
                PAYMENT,
                PaymentMethod.CASH,
                sar("200.00"),
                sar("200.00"),
                "refund.goodwill",
                AT,
                DESK);
        PaymentRefunded rest = new PaymentRefunded(
                INVOICE, second, PAYMENT, PaymentMethod.CASH, sar("30.00"), sar("30.00"), "refund.goodwill", AT, DESK);
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7), first)
                .when(new RefundPayment(INVOICE, second, PAYMENT, sar("30.00"), "refund.goodwill", AT, DESK))
                .then(rest);
        InvoiceState.Existing all = stateAfter(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7), first, rest);
        assertThat(all.status()).isEqualTo(InvoiceStatus.REFUNDED);
        assertThat(all.outstanding().isZero()).isTrue();
    }

    @Test
    void aRepeatedRefundIsRecordedOnce() {
        PaymentRefunded earlier = new PaymentRefunded(
                INVOICE, REFUND, PAYMENT, PaymentMethod.CASH, sar("10.00"), sar("10.00"), "refund.goodwill", AT, DESK);
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "230.00", 7), earlier)
                .when(new RefundPayment(INVOICE, REFUND, PAYMENT, sar("10.00"), "refund.goodwill", AT, DESK))
                .thenNothing();
    }

    @Test
    void anUnknownPaymentIsNotRefunded() {
        spec.given(opened(VISIT), issued(1))
                .when(new RefundPayment(INVOICE, REFUND, PAYMENT, sar("10.00"), "refund.goodwill", AT, DESK))
                .thenRejects(Rejection.NotFound.class, "payment.not-found");
    }

    @Test
    void aCreditLowersWhatIsDueButNeverBelowZero() {
        InvoiceCredited writeOff = new InvoiceCredited(
                INVOICE, CREDIT, sar("30.00"), CreditKind.WRITE_OFF, "credit.write-off", List.of(), AT, DESK);
        spec.given(opened(VISIT), issued(1))
                .when(new CreditInvoice(
                        INVOICE, CREDIT, sar("30.00"), CreditKind.WRITE_OFF, "credit.write-off", List.of(), AT, DESK))
                .then(writeOff);
        spec.given(opened(VISIT), issued(1), writeOff)
                .when(new CreditInvoice(
                        INVOICE, CREDIT, sar("30.00"), CreditKind.WRITE_OFF, "credit.write-off", List.of(), AT, DESK))
                .thenNothing();
        spec.given(opened(VISIT), issued(1), writeOff)
                .when(new CreditInvoice(
                        INVOICE,
                        UUID.randomUUID(),
                        sar("200.01"),
                        CreditKind.WRITE_OFF,
                        "credit.write-off",
                        List.of(),
                        AT,
                        DESK))
                .thenRejects(Rejection.RuleViolated.class, "credit.exceeds-due");
        spec.given(opened(VISIT))
                .when(new CreditInvoice(
                        INVOICE, CREDIT, sar("1.00"), CreditKind.WRITE_OFF, "credit.write-off", List.of(), AT, DESK))
                .thenRejects(Rejection.Conflict.class, "invoice.not-issued");
    }

    @Test
    void anUnpaidInvoiceFullyReleasedIsVoid() {
        InvoiceCredited released = new InvoiceCredited(
                INVOICE,
                CREDIT,
                sar("230.00"),
                CreditKind.CANCELLATION,
                "refund.cancelled-in-time",
                List.of("24"),
                AT,
                DESK);
        assertThat(stateAfter(opened(VISIT), issued(1), released).status()).isEqualTo(InvoiceStatus.VOID);
    }

    @Test
    void anInvoiceWithoutPaymentsIsVoidedAndKeepsItsNumber() {
        spec.given(opened(VISIT), issued(3))
                .when(new VoidInvoice(INVOICE, "invoice.issued-in-error", AT, DESK))
                .then(new InvoiceVoided(INVOICE, sar("230.00"), "invoice.issued-in-error", AT, DESK));
        InvoiceState.Existing voided = stateAfter(
                opened(VISIT),
                issued(3),
                new InvoiceVoided(INVOICE, sar("230.00"), "invoice.issued-in-error", AT, DESK));
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.number()).isEqualTo(3);
        assertThat(voided.due().isZero()).isTrue();
        spec.given(opened(VISIT), new InvoiceVoided(INVOICE, sar("0.00"), "invoice.issued-in-error", AT, DESK))
                .when(new IssueInvoice(INVOICE, 1, AT, DESK))
                .thenRejects(Rejection.Conflict.class, "invoice.void");
    }

    @Test
    void anInvoiceThatWasPaidIsRefundedNotVoided() {
        spec.given(opened(VISIT), issued(1), paid(PAYMENT, "10.00", 7))
                .when(new VoidInvoice(INVOICE, "invoice.issued-in-error", AT, DESK))
                .thenRejects(Rejection.Conflict.class, "invoice.has-payments");
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        spec.when(pay(PAYMENT, "1.00")).thenRejects(Rejection.NotFound.class, "invoice.not-found");
    }
}
