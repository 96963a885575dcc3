package com.clinic.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.payments.application.AppointmentBilling;
import com.clinic.payments.application.InvoiceRequests;
import com.clinic.payments.application.PaymentsSettings;
import com.clinic.payments.domain.Money;
import com.clinic.payments.domain.RefundPolicy;
import com.clinic.payments.domain.TaxRate;
import com.clinic.payments.domain.invoice.InvoiceCommand.OpenInvoice;
import com.clinic.payments.domain.invoice.InvoiceCommand.SettleCancellation;
import com.clinic.payments.domain.invoice.InvoiceLine;
import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.GivenClinic;
import com.clinic.scheduling.application.facts.SchedulingFacts;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProcessSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing as a reaction to scheduling's facts: given the clinic, when an appointment is booked,
 * cancelled, moved or only held, expect the invoice commands payments sends in the facts processor's
 * step (and none where nothing is owed); a fact handed over twice bills once.
 */
@IntegrationTest
class AppointmentBillingProcessTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Duration VISIT = Duration.ofMinutes(30);
    private static final Duration LATE_WINDOW = Duration.ofHours(24);

    @Autowired
    ApplicationContext context;

    @Autowired
    AppointmentBilling billing;

    @Autowired
    PaymentsSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private ProcessSpecification spec;
    private GivenClinic clinic;
    private Instant now;
    private final UUID doctor = UUID.randomUUID();
    private final UUID type = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID patientLogin = UUID.randomUUID();
    private final UUID reception = UUID.randomUUID();

    @BeforeEach
    void aClinicInRiyadhWithADoctorAndAVisitAtTenRiyals() {
        spec = ProcessSpecification.of(context, SchedulingFacts.PROCESSING_GROUP);
        now = spec.now();
        clinic = new GivenClinic(context, RIYADH, now);
        spec.given(clinic.opened());
        spec.given(
                clinic.doctor(doctor, "cardiology"),
                clinic.appointmentType(type, VISIT),
                clinic.patient(patient, Optional.of(patientLogin)));
    }

    @AfterEach
    void undo() {
        spec.close();
    }

    private AppointmentSlot visitIn(Duration fromNow) {
        return clinic.slot(doctor, type, VISIT, now.plus(fromNow).truncatedTo(ChronoUnit.MINUTES));
    }

    /** The commands payments sent; notifications react to the same facts with commands of their own. */
    private static List<Object> ofPayments(List<Object> commands) {
        return commands.stream()
                .filter(command -> command.getClass().getName().startsWith("com.clinic.payments."))
                .toList();
    }

    private static <T> List<T> sent(List<Object> commands, Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aBookedVisitOpensAnInvoiceAtTheTypesPriceWithTheClinicsTaxAndIssuesIt() {
        UUID appointmentId = UUID.randomUUID();
        UUID invoiceId = AppointmentBilling.invoiceOf(appointmentId);

        List<Object> commands = spec.whenSent(new BookAppointment(
                        appointmentId, patient, visitIn(Duration.ofDays(3)), reception, Optional.empty(), now))
                .commandsOfOtherContexts();

        assertThat(sent(commands, OpenInvoice.class)).singleElement().satisfies(open -> {
            assertThat(open.invoiceId()).isEqualTo(invoiceId);
            assertThat(open.clinicId()).isEqualTo(clinic.clinicId);
            assertThat(open.branchId()).isEqualTo(clinic.branchId);
            assertThat(open.patientId()).isEqualTo(patient);
            assertThat(open.appointmentId()).contains(appointmentId);
            assertThat(open.at()).isEqualTo(now);
            assertThat(open.by()).isEqualTo(Actor.SYSTEM_USER_ID);
            assertThat(open.lines()).singleElement().satisfies(line -> {
                assertThat(line.kind()).isEqualTo(InvoiceLine.Kind.APPOINTMENT);
                assertThat(line.unitPrice()).isEqualTo(Money.of(BigDecimal.TEN, open.currency()));
                assertThat(line.taxRate())
                        .isEqualTo(settings.termsOf(clinic.clinicId).tax());
            });
        });
        assertThat(sent(commands, InvoiceRequests.Issue.class))
                .containsExactly(new InvoiceRequests.Issue(invoiceId, now, Actor.SYSTEM_USER_ID));
        assertThat(settings.termsOf(clinic.clinicId).tax()).isEqualTo(new TaxRate(1_500));
    }

    @Test
    void thePatientCancellingInsideTheDaySettlesByTheClinicsPolicyAsThePatients() {
        UUID appointmentId = UUID.randomUUID();
        AppointmentSlot slot = visitIn(Duration.ofHours(5));
        spec.givenSent(new BookAppointment(appointmentId, patient, slot, reception, Optional.empty(), now));
        Instant at = spec.advance(Duration.ofMinutes(10));

        List<Object> commands = spec.whenSent(new Cancel(
                        appointmentId, CancellationReason.PATIENT_REQUEST, "", patientLogin, LATE_WINDOW, at))
                .commandsOfOtherContexts();

        RefundPolicy policy = settings.termsOf(clinic.clinicId).refunds();
        assertThat(sent(commands, SettleCancellation.class))
                .containsExactly(new SettleCancellation(
                        AppointmentBilling.invoiceOf(appointmentId),
                        policy,
                        slot.time().start(),
                        RefundPolicy.Party.PATIENT,
                        false,
                        at,
                        Actor.SYSTEM_USER_ID));
    }

    @Test
    void theClinicCancellingSettlesAsTheClinics() {
        UUID appointmentId = UUID.randomUUID();
        spec.givenSent(new BookAppointment(
                appointmentId, patient, visitIn(Duration.ofHours(5)), reception, Optional.empty(), now));

        List<Object> commands = spec.whenSent(new Cancel(
                        appointmentId, CancellationReason.DOCTOR_UNAVAILABLE, "", reception, LATE_WINDOW, now))
                .commandsOfOtherContexts();

        assertThat(sent(commands, SettleCancellation.class))
                .singleElement()
                .extracting(SettleCancellation::endedBy)
                .isEqualTo(RefundPolicy.Party.CLINIC);
    }

    @Test
    void aMoveKeepsTheInvoiceAndAHoldGivenBackBillsNothing() {
        UUID appointmentId = UUID.randomUUID();
        spec.givenSent(new BookAppointment(
                appointmentId, patient, visitIn(Duration.ofDays(2)), reception, Optional.empty(), now));
        assertThat(ofPayments(spec.whenSent(new Reschedule(appointmentId, visitIn(Duration.ofDays(4)), reception, now))
                        .commandsOfOtherContexts()))
                .as("a reschedule keeps what was paid")
                .isEmpty();

        UUID held = UUID.randomUUID();
        assertThat(ofPayments(spec.whenSent(new HoldSlot(
                                held,
                                patient,
                                visitIn(Duration.ofDays(5)),
                                now.plus(Duration.ofMinutes(10)),
                                patientLogin,
                                Optional.empty(),
                                now))
                        .commandsOfOtherContexts()))
                .as("a hold is not a visit yet")
                .isEmpty();
        assertThat(ofPayments(
                        spec.whenSent(new ReleaseHold(held, patientLogin, now)).commandsOfOtherContexts()))
                .as("a hold given back owes nothing")
                .isEmpty();
    }

    @Test
    void aBookingFactHandedOverTwiceBillsOnce() {
        UUID appointmentId = UUID.randomUUID();
        AppointmentSlot slot = visitIn(Duration.ofDays(6));
        AppointmentChanged.Booked booked = new AppointmentChanged.Booked(
                UUID.randomUUID(),
                appointmentId,
                patient,
                clinic.clinicId,
                clinic.branchId,
                doctor,
                type,
                slot.time().start(),
                slot.time().end(),
                RIYADH,
                false,
                now,
                reception,
                false);

        transactions.executeWithoutResult(status -> billing.on(booked));
        transactions.executeWithoutResult(status -> billing.on(booked));

        assertThat(jdbc.queryForList(
                        "select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber",
                        String.class,
                        AppointmentBilling.invoiceOf(appointmentId).toString()))
                .extracting(name -> name.substring(name.lastIndexOf('$') + 1))
                .containsExactly("InvoiceOpened", "InvoiceIssued");
    }
}
