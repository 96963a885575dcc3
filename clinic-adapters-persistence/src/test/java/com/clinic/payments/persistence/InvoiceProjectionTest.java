package com.clinic.payments.persistence;

import static com.clinic.payments.persistence.jooq.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.payments.application.port.InvoiceReadModel;
import com.clinic.payments.application.port.InvoiceSummary;
import com.clinic.payments.application.port.InvoiceView;
import com.clinic.payments.application.port.InvoiceView.EntryKind;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.InvoiceCommand;
import com.clinic.payments.domain.invoice.InvoiceDecider;
import com.clinic.payments.domain.invoice.InvoiceEvent;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.payments.domain.invoice.InvoiceState;
import com.clinic.payments.domain.invoice.InvoiceStatus;
import com.clinic.payments.domain.invoice.PaymentMethod;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class InvoiceProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.000123Z");
    private static final InvoiceDecider DECIDER = new InvoiceDecider();
    private static final TaxRate VAT = new TaxRate(1_500);

    private final DSLContext db;
    private final InvoiceProjection projection;
    private final InvoiceReadModel invoices;
    private final UUID clinic = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID desk = UUID.randomUUID();

    InvoiceProjectionTest(DSLContext db) {
        this.db = db;
        this.projection = new InvoiceProjection(db);
        this.invoices = new JooqInvoiceReadModel(db);
    }

    /** An invoice's commands run through the decider; its events handed to the projection in order. */
    private final class Stream {
        final UUID invoiceId = UUID.randomUUID();
        final List<InvoiceEvent> events = new ArrayList<>();
        InvoiceState state = DECIDER.initialState();

        Stream then(InvoiceCommand command) {
            List<InvoiceEvent> decided = DECIDER.decide(command, state);
            for (InvoiceEvent event : decided) {
                deliver(event, events.size());
                events.add(event);
            }
            state = DECIDER.fold(state, decided);
            return this;
        }

        void redeliverAll() {
            for (int i = 0; i < events.size(); i++) {
                deliver(events.get(i), i);
            }
        }

        InvoiceState.Existing existing() {
            return (InvoiceState.Existing) state;
        }

        InvoiceView view() {
            return invoices.invoice(invoiceId).orElseThrow();
        }
    }

    private void deliver(InvoiceEvent event, long sequence) {
        switch (event) {
            case InvoiceEvent.InvoiceOpened e -> projection.on(e, sequence);
            case InvoiceEvent.LineAdded e -> projection.on(e, sequence);
            case InvoiceEvent.LineRemoved e -> projection.on(e, sequence);
            case InvoiceEvent.InvoiceIssued e -> projection.on(e, sequence);
            case InvoiceEvent.PaymentRecorded e -> projection.on(e, sequence);
            case InvoiceEvent.PaymentRefunded e -> projection.on(e, sequence);
            case InvoiceEvent.InvoiceCredited e -> projection.on(e, sequence);
            case InvoiceEvent.CancellationSettled e -> projection.on(e, sequence);
            case InvoiceEvent.InvoiceVoided e -> projection.on(e, sequence);
        }
    }

    private static Money sar(String amount) {
        return Money.of(new BigDecimal(amount), "SAR");
    }

    private Stream opened(Optional<UUID> appointment, InvoiceLine... lines) {
        Stream stream = new Stream();
        return stream.then(new InvoiceCommand.OpenInvoice(
                stream.invoiceId, clinic, branch, patient, appointment, "SAR", List.of(lines), T0, desk));
    }

    private static InvoiceLine line(String description, String price, int quantity) {
        return new InvoiceLine(
                UUID.randomUUID(),
                price.startsWith("-") ? InvoiceLine.Kind.DISCOUNT : InvoiceLine.Kind.PROCEDURE,
                description,
                sar(price),
                quantity,
                VAT);
    }

    private InvoiceCommand.RecordPayment cash(Stream stream, UUID paymentId, String amount, long receipt) {
        return new InvoiceCommand.RecordPayment(
                stream.invoiceId,
                paymentId,
                PaymentMethod.CASH,
                sar(amount),
                receipt,
                Optional.of("drawer 2"),
                T0,
                desk);
    }

    @Test
    void anIssuedInvoiceShowsItsLinesTotalsAndCharge() {
        InvoiceLine visit = line("Visit", "200.00", 1);
        InvoiceLine lab = line("CBC", "45.50", 2);
        InvoiceLine gone = line("X-ray", "90.00", 1);
        UUID appointment = UUID.randomUUID();
        Stream stream = opened(Optional.of(appointment), visit);
        stream.then(new InvoiceCommand.AddLine(stream.invoiceId, lab, T0, desk))
                .then(new InvoiceCommand.AddLine(stream.invoiceId, gone, T0, desk))
                .then(new InvoiceCommand.RemoveLine(stream.invoiceId, gone.lineId(), T0, desk));
        assertThat(stream.view().status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(stream.view().number()).isEmpty();

        stream.then(new InvoiceCommand.IssueInvoice(stream.invoiceId, 17, T0.plusSeconds(60), desk));

        InvoiceView view = stream.view();
        assertThat(view.number()).contains(17L);
        assertThat(view.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(view.appointmentId()).contains(appointment);
        assertThat(view.lines())
                .extracting(InvoiceView.Line::description, InvoiceView.Line::net, InvoiceView.Line::tax)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Visit", sar("200.00"), sar("30.00")),
                        org.assertj.core.groups.Tuple.tuple("CBC", sar("91.00"), sar("13.65")));
        assertThat(view.subtotal()).isEqualTo(sar("291.00"));
        assertThat(view.tax()).isEqualTo(sar("43.65"));
        assertThat(view.total()).isEqualTo(sar("334.65"));
        assertThat(view.outstanding()).isEqualTo(sar("334.65"));
        assertThat(view.issuedAt()).contains(T0.plusSeconds(60));
        assertThat(view.ledger()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.CHARGE);
            assertThat(entry.amount()).isEqualTo(sar("334.65"));
            assertThat(entry.by()).isEqualTo(desk);
        });
        assertThat(invoices.ofAppointment(appointment))
                .map(InvoiceView::invoiceId)
                .contains(stream.invoiceId);
    }

    @Test
    void paymentsRefundsAndASettlementPostEntriesThatAddUpAndMatchTheAggregate() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Stream stream = opened(Optional.of(UUID.randomUUID()), line("Visit", "200.00", 1));
        stream.then(new InvoiceCommand.IssueInvoice(stream.invoiceId, 1, T0, desk))
                .then(cash(stream, first, "100.00", 5));
        assertThat(stream.view().status()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        stream.then(cash(stream, second, "130.00", 6))
                .then(new InvoiceCommand.SettleCancellation(
                        stream.invoiceId,
                        new RefundPolicy(Duration.ofHours(24), 50, 0),
                        T0.plus(Duration.ofHours(3)),
                        RefundPolicy.Party.PATIENT,
                        false,
                        T0,
                        desk))
                .then(new InvoiceCommand.RefundPayment(
                        stream.invoiceId, UUID.randomUUID(), second, sar("115.00"), "refund.cancellation", T0, desk));

        InvoiceView view = stream.view();
        InvoiceState.Existing state = stream.existing();
        assertThat(view.status()).isEqualTo(state.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(view.due()).isEqualTo(state.due()).isEqualTo(sar("115.00"));
        assertThat(view.outstanding()).isEqualTo(state.outstanding());
        assertThat(view.outstanding().isZero()).isTrue();
        assertThat(view.settlement()).hasValueSatisfying(settlement -> {
            assertThat(settlement.reasonCode()).isEqualTo("refund.cancelled-late");
            assertThat(settlement.arguments()).containsExactly("50", "24");
            assertThat(settlement.released()).isEqualTo(sar("115.00"));
            assertThat(settlement.retained()).isEqualTo(sar("115.00"));
            assertThat(settlement.refundDue()).isEqualTo(sar("115.00"));
        });
        assertThat(view.ledger())
                .extracting(InvoiceView.Entry::kind, entry -> entry.amount().minor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EntryKind.CHARGE, 23_000L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.PAYMENT, 10_000L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.PAYMENT, 13_000L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.CREDIT, 11_500L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.REFUND, 11_500L));
        assertThat(view.ledger().get(1).receiptNumber()).contains(5L);
        assertThat(view.ledger().get(1).reference()).contains("drawer 2");
        assertThat(view.ledger().get(3).reasonArguments()).containsExactly("50", "24");
        long sum = 0;
        for (InvoiceView.Entry entry : view.ledger()) {
            sum += switch (entry.kind()) {
                case CHARGE, REFUND -> entry.amount().minor();
                case CREDIT, PAYMENT -> -entry.amount().minor();
            };
        }
        assertThat(sum)
                .as("charges - credits - payments + refunds = outstanding")
                .isEqualTo(view.outstanding().minor());
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        Stream stream = opened(Optional.empty(), line("Visit", "200.00", 1));
        stream.then(new InvoiceCommand.IssueInvoice(stream.invoiceId, 3, T0, desk))
                .then(cash(stream, UUID.randomUUID(), "50.00", 9))
                .then(new InvoiceCommand.CreditInvoice(
                        stream.invoiceId,
                        UUID.randomUUID(),
                        sar("10.00"),
                        com.clinic.payments.domain.invoice.CreditKind.WRITE_OFF,
                        "credit.write-off",
                        List.of(),
                        T0,
                        desk));
        InvoiceView before = stream.view();

        stream.redeliverAll();

        assertThat(stream.view()).isEqualTo(before);
        assertThat(before.ledger()).hasSize(3);
    }

    @Test
    void aPostedLedgerEntryCannotBeChangedOrDeleted() {
        Stream stream = opened(Optional.empty(), line("Visit", "200.00", 1));
        stream.then(new InvoiceCommand.IssueInvoice(stream.invoiceId, 4, T0, desk));

        assertThatThrownBy(() -> db.update(LEDGER_ENTRY)
                        .set(LEDGER_ENTRY.AMOUNT_MINOR, 1L)
                        .where(LEDGER_ENTRY.INVOICE_ID.eq(stream.invoiceId))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("ledger entries are never changed");
        assertThatThrownBy(() -> db.deleteFrom(LEDGER_ENTRY)
                        .where(LEDGER_ENTRY.INVOICE_ID.eq(stream.invoiceId))
                        .execute())
                .isInstanceOf(DataAccessException.class);
        assertThat(stream.view().ledger())
                .singleElement()
                .extracting(e -> e.amount().minor())
                .isEqualTo(23_000L);
    }

    @Test
    void aVoidedInvoiceCreditsWhatItAskedAndIsListedByStatus() {
        Stream voided = opened(Optional.empty(), line("Visit", "200.00", 1));
        voided.then(new InvoiceCommand.IssueInvoice(voided.invoiceId, 5, T0, desk))
                .then(new InvoiceCommand.VoidInvoice(voided.invoiceId, "invoice.withdrawn", T0, desk));
        Stream open = opened(Optional.empty(), line("Visit", "200.00", 1));
        open.then(new InvoiceCommand.IssueInvoice(open.invoiceId, 6, T0, desk));

        assertThat(voided.view().status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.view().number()).contains(5L);
        assertThat(voided.view().ledger())
                .extracting(InvoiceView.Entry::kind)
                .containsExactly(EntryKind.CHARGE, EntryKind.CREDIT);
        Page<InvoiceSummary> issued = invoices.invoices(
                new InvoiceReadModel.Filter(
                        Optional.of(patient), Optional.of(clinic), Optional.of(branch), Set.of(InvoiceStatus.ISSUED)),
                PageRequest.first(10));
        assertThat(issued.items()).extracting(InvoiceSummary::invoiceId).containsExactly(open.invoiceId);
    }

    @Test
    void aPatientsInvoicesArePagedNewestFirst() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Stream stream = new Stream();
            stream.then(new InvoiceCommand.OpenInvoice(
                    stream.invoiceId,
                    clinic,
                    branch,
                    patient,
                    Optional.empty(),
                    "SAR",
                    List.of(line("Visit", "10.00", 1)),
                    T0.plusSeconds(i),
                    desk));
            ids.addFirst(stream.invoiceId);
        }
        InvoiceReadModel.Filter mine =
                new InvoiceReadModel.Filter(Optional.of(patient), Optional.empty(), Optional.empty(), Set.of());

        Page<InvoiceSummary> first = invoices.invoices(mine, PageRequest.first(2));
        Page<InvoiceSummary> rest = invoices.invoices(mine, new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(InvoiceSummary::invoiceId).containsExactly(ids.get(0), ids.get(1));
        assertThat(rest.items()).extracting(InvoiceSummary::invoiceId).containsExactly(ids.get(2));
        assertThat(rest.nextCursor()).isEmpty();
    }
}
