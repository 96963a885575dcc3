package com.clinic.payments.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.SettleCancellation;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.AppointmentTypePrices;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bills booked visits and settles cancelled or missed ones. Runs in the transaction of scheduling's
 * facts processor (at least once, in order per appointment, ADR 0018): the invoice's id derives from
 * the appointment, and opening, issuing and settling record nothing the second time, so a
 * redelivered fact bills nothing twice.
 *
 * <p>A booked visit gets an issued invoice with the appointment type's price and the doctor's fee at
 * the branch (either left out when zero or not in the branch's currency; no invoice when both are).
 * A reschedule keeps it as it is. A cancellation (not of a mere hold) or a no-show applies the
 * clinic's refund policy to what the invoice asks and what was paid.
 */
@Component
public class AppointmentBilling {

    private static final Logger log = LoggerFactory.getLogger(AppointmentBilling.class);

    /** Reasons that mean the patient gave the time up; any other cancellation is the clinic's doing. */
    private static final Set<String> PATIENTS_REASONS = Set.of("PATIENT_REQUEST", "RESCHEDULED_ELSEWHERE");

    private final Commands commands;
    private final EventStore events;
    private final DirectoryFacts directory;
    private final AppointmentTypePrices prices;
    private final PaymentsSettings settings;

    public AppointmentBilling(
            Commands commands,
            EventStore events,
            DirectoryFacts directory,
            AppointmentTypePrices prices,
            PaymentsSettings settings) {
        this.commands = commands;
        this.events = events;
        this.directory = directory;
        this.prices = prices;
        this.settings = settings;
    }

    /** The invoice of an appointment, the same on every redelivery. */
    public static UUID invoiceOf(UUID appointmentId) {
        return UUID.nameUUIDFromBytes(("invoice|appointment|" + appointmentId).getBytes(StandardCharsets.UTF_8));
    }

    @EventListener
    public void on(AppointmentChanged change) {
        switch (change) {
            case AppointmentChanged.Booked booked -> bill(booked);
            case AppointmentChanged.Cancelled cancelled
            when !cancelled.wasHold() ->
                settle(
                        change,
                        cancelled.byPatient() || PATIENTS_REASONS.contains(cancelled.reason())
                                ? RefundPolicy.Party.PATIENT
                                : RefundPolicy.Party.CLINIC,
                        false);
            case AppointmentChanged.NoShow noShow -> settle(change, RefundPolicy.Party.PATIENT, true);
            default -> {}
        }
    }

    private void bill(AppointmentChanged.Booked booked) {
        UUID invoiceId = invoiceOf(booked.appointmentId());
        if (exists(invoiceId)) {
            return;
        }
        Optional<String> currency = directory.branchCurrency(booked.branchId());
        if (currency.isEmpty()) {
            log.warn("Appointment {} not billed: its branch {} is unknown", booked.appointmentId(), booked.branchId());
            return;
        }
        TaxRate tax = settings.termsOf(booked.clinicId()).tax();
        List<InvoiceLine> lines = new ArrayList<>();
        prices.priceOf(booked.appointmentTypeId())
                .ifPresent(type -> priced(type.amount(), type.currency(), currency.get(), booked)
                        .ifPresent(price -> lines.add(new InvoiceLine(
                                lineOf(invoiceId, InvoiceLine.Kind.APPOINTMENT),
                                InvoiceLine.Kind.APPOINTMENT,
                                type.nameEn() + " / " + type.nameAr(),
                                price,
                                1,
                                tax))));
        directory
                .doctorFee(booked.doctorId(), booked.branchId())
                .flatMap(fee -> priced(fee.amount(), fee.currency(), currency.get(), booked))
                .ifPresent(fee -> lines.add(new InvoiceLine(
                        lineOf(invoiceId, InvoiceLine.Kind.CONSULTATION),
                        InvoiceLine.Kind.CONSULTATION,
                        "Doctor's fee / أتعاب الطبيب",
                        fee,
                        1,
                        tax)));
        if (lines.isEmpty()) {
            return;
        }
        commands.send(new OpenInvoice(
                invoiceId,
                booked.clinicId(),
                booked.branchId(),
                booked.patientId(),
                Optional.of(booked.appointmentId()),
                currency.get(),
                lines,
                booked.at(),
                Actor.SYSTEM_USER_ID));
        commands.send(new InvoiceRequests.Issue(invoiceId, booked.at(), Actor.SYSTEM_USER_ID));
    }

    private void settle(AppointmentChanged change, RefundPolicy.Party endedBy, boolean noShow) {
        UUID invoiceId = invoiceOf(change.appointmentId());
        if (!exists(invoiceId)) {
            return;
        }
        commands.send(new SettleCancellation(
                invoiceId,
                settings.termsOf(change.clinicId()).refunds(),
                change.start(),
                endedBy,
                noShow,
                change.at(),
                Actor.SYSTEM_USER_ID));
    }

    private boolean exists(UUID invoiceId) {
        return events.lastSequenceNumberFor(invoiceId.toString()).isPresent();
    }

    /** A positive price in the branch's currency; anything else is left off the invoice, and said so. */
    private static Optional<Money> priced(
            BigDecimal amount, String currency, String branchCurrency, AppointmentChanged.Booked booked) {
        if (!currency.equals(branchCurrency)) {
            log.warn(
                    "Appointment {}: a price in {} left off its invoice in {}",
                    booked.appointmentId(),
                    currency,
                    branchCurrency);
            return Optional.empty();
        }
        try {
            Money money = Money.of(amount, currency);
            return money.isPositive() ? Optional.of(money) : Optional.empty();
        } catch (Rejection invalid) {
            log.warn("Appointment {}: a price of {} {} left off its invoice", booked.appointmentId(), amount, currency);
            return Optional.empty();
        }
    }

    private static UUID lineOf(UUID invoiceId, InvoiceLine.Kind kind) {
        return UUID.nameUUIDFromBytes((invoiceId + "|" + kind).getBytes(StandardCharsets.UTF_8));
    }
}
