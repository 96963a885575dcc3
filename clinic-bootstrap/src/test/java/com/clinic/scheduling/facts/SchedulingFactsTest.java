package com.clinic.scheduling.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.GivenClinic;
import com.clinic.scheduling.application.facts.SchedulingFacts;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProcessSpecification;
import com.clinic.support.ProcessSpecification.Reaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What scheduling tells other contexts about appointments, path by path: each command is sent to the
 * real appointment aggregate (judged by the real claim ledger) and the facts processor's publications
 * while it handles the command's events are exactly the facts expected, with the patient named even
 * where the stored event does not name them, the branch's zone, the appointment's times, and whether
 * the patient acted themselves. The clock stands still, so every instant is known; each fact's
 * {@code eventId} is bound on first sight and checked against the stored event's identifier.
 */
@IntegrationTest
class SchedulingFactsTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Duration VISIT = Duration.ofMinutes(30);
    private static final Duration LATE_WINDOW = Duration.ofHours(24);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    private ProcessSpecification spec;
    private GivenClinic clinic;
    private Instant now;
    private final UUID doctor = UUID.randomUUID();
    private final UUID type = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID patientLogin = UUID.randomUUID();
    private final UUID reception = UUID.randomUUID();

    @BeforeEach
    void aClinicInRiyadhWithADoctorAndAPatientWhoHasALogin() {
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

    /** A visit starting this long from now, on the minute. */
    private AppointmentSlot visitIn(Duration fromNow) {
        return clinic.slot(doctor, type, VISIT, now.plus(fromNow).truncatedTo(ChronoUnit.MINUTES));
    }

    private UUID givenBooked(AppointmentSlot slot) {
        UUID appointmentId = UUID.randomUUID();
        spec.givenSent(new BookAppointment(appointmentId, patient, slot, reception, Optional.empty(), now));
        return appointmentId;
    }

    /** The identifier of the one stored event of this type in the appointment's stream. */
    private UUID storedEventId(UUID appointmentId, String eventType) {
        return UUID.fromString(jdbc.queryForObject(
                "select eventidentifier from domainevententry where aggregateidentifier = ? and payloadtype like ?",
                String.class,
                appointmentId.toString(),
                "%$" + eventType));
    }

    private void assertEventIdIsTheStoredEvents(UUID placeholder, UUID appointmentId, String eventType) {
        assertThat(spec.id(placeholder))
                .as("the fact's eventId is the stored %s's message identifier", eventType)
                .isEqualTo(storedEventId(appointmentId, eventType));
    }

    @Test
    void aBookingByTheDeskIsAnnouncedWithThePatientTheBranchsZoneAndTheStoredEventsIdentifier() {
        AppointmentSlot slot = visitIn(Duration.ofDays(3));
        UUID appointmentId = UUID.randomUUID();
        UUID eventId = spec.generated();

        spec.whenSent(new BookAppointment(appointmentId, patient, slot, reception, Optional.empty(), now))
                .expectPublished(new AppointmentChanged.Booked(
                        eventId,
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
                        false));

        assertEventIdIsTheStoredEvents(eventId, appointmentId, "AppointmentBooked");
    }

    @Test
    void aHoldThePatientConfirmsIsAnnouncedAsHeldThenBookedFromTheHold() {
        AppointmentSlot slot = visitIn(Duration.ofDays(2));
        UUID appointmentId = UUID.randomUUID();
        Instant holdUntil = now.plus(Duration.ofMinutes(10));
        UUID held = spec.generated();
        UUID booked = spec.generated();

        spec.whenSent(new HoldSlot(appointmentId, patient, slot, holdUntil, patientLogin, Optional.empty(), now))
                .expectPublished(new AppointmentChanged.Held(
                        held,
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
                        holdUntil,
                        patientLogin,
                        Optional.empty()));
        Instant confirmedAt = spec.advance(Duration.ofMinutes(2));
        spec.whenSent(new ConfirmHold(appointmentId, patientLogin, confirmedAt))
                .expectPublished(new AppointmentChanged.Booked(
                        booked,
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
                        confirmedAt,
                        patientLogin,
                        true));

        assertEventIdIsTheStoredEvents(held, appointmentId, "SlotHeld");
        assertEventIdIsTheStoredEvents(booked, appointmentId, "HoldConfirmed");
    }

    @Test
    void aHoldThatRunsOutIsAnnouncedAsReleasedForThePatientTheExpiryEventDoesNotName() {
        AppointmentSlot slot = visitIn(Duration.ofDays(2));
        UUID appointmentId = UUID.randomUUID();
        Instant holdUntil = now.plus(Duration.ofMinutes(10));
        spec.givenSent(new HoldSlot(appointmentId, patient, slot, holdUntil, patientLogin, Optional.empty(), now));
        Instant expiredAt = spec.advance(Duration.ofMinutes(10));

        spec.whenSent(new ExpireHold(appointmentId, expiredAt))
                .expectPublished(new AppointmentChanged.HoldReleased(
                        spec.generated(),
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
                        expiredAt));
    }

    @Test
    void aRescheduleSaysWhereItMovedFromAndWhetherThePatientOrTheClinicMovedIt() {
        AppointmentSlot first = visitIn(Duration.ofDays(3));
        AppointmentSlot second = visitIn(Duration.ofDays(4));
        AppointmentSlot third = visitIn(Duration.ofDays(5));
        UUID appointmentId = givenBooked(first);

        spec.whenSent(new Reschedule(appointmentId, second, patientLogin, now))
                .expectPublished(rescheduled(appointmentId, first, second, patientLogin, true));
        spec.whenSent(new Reschedule(appointmentId, third, reception, now))
                .expectPublished(rescheduled(appointmentId, second, third, reception, false));
    }

    private AppointmentChanged.Rescheduled rescheduled(
            UUID appointmentId, AppointmentSlot from, AppointmentSlot to, UUID by, boolean byPatient) {
        return new AppointmentChanged.Rescheduled(
                spec.generated(),
                appointmentId,
                patient,
                clinic.clinicId,
                clinic.branchId,
                doctor,
                type,
                to.time().start(),
                to.time().end(),
                RIYADH,
                false,
                now,
                from.time().start(),
                from.time().end(),
                by,
                byPatient);
    }

    @Test
    void aCancellationByTheClinicDaysAheadIsNotLateAndNotThePatients() {
        AppointmentSlot slot = visitIn(Duration.ofDays(3));
        UUID appointmentId = givenBooked(slot);

        spec.whenSent(new Cancel(
                        appointmentId,
                        CancellationReason.DOCTOR_UNAVAILABLE,
                        "the doctor is away",
                        reception,
                        LATE_WINDOW,
                        now))
                .expectPublished(cancelled(appointmentId, slot, "DOCTOR_UNAVAILABLE", false, false, reception, false));
    }

    @Test
    void aCancellationByThePatientHoursAheadIsLateAndThePatients() {
        AppointmentSlot slot = visitIn(Duration.ofHours(3));
        UUID appointmentId = givenBooked(slot);

        spec.whenSent(new Cancel(
                        appointmentId,
                        CancellationReason.PATIENT_REQUEST,
                        "travelling",
                        patientLogin,
                        LATE_WINDOW,
                        now))
                .expectPublished(cancelled(appointmentId, slot, "PATIENT_REQUEST", true, false, patientLogin, true));
    }

    @Test
    void aCancelledHoldSaysItWasOnlyAHold() {
        AppointmentSlot slot = visitIn(Duration.ofDays(1));
        UUID appointmentId = UUID.randomUUID();
        spec.givenSent(new HoldSlot(
                appointmentId, patient, slot, now.plus(Duration.ofMinutes(10)), patientLogin, Optional.empty(), now));

        spec.whenSent(new Cancel(appointmentId, CancellationReason.PATIENT_REQUEST, "", patientLogin, LATE_WINDOW, now))
                .expectPublished(cancelled(appointmentId, slot, "PATIENT_REQUEST", false, true, patientLogin, true));
    }

    private AppointmentChanged.Cancelled cancelled(
            UUID appointmentId,
            AppointmentSlot slot,
            String reason,
            boolean late,
            boolean wasHold,
            UUID by,
            boolean byPatient) {
        return new AppointmentChanged.Cancelled(
                spec.generated(),
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
                reason,
                late,
                wasHold,
                by,
                byPatient);
    }

    @Test
    void aCheckInAndACompletedConsultationAreAnnouncedAndTheStartOfTheConsultationIsNot() {
        AppointmentSlot slot = visitIn(Duration.ofHours(1));
        UUID appointmentId = givenBooked(slot);
        UUID doctorLogin = UUID.randomUUID();

        spec.whenSent(new CheckIn(appointmentId, reception, now))
                .expectPublished(new AppointmentChanged.CheckedIn(
                        spec.generated(),
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
                        now));
        Instant started = spec.advance(Duration.ofMinutes(65));
        spec.whenSent(new StartConsultation(appointmentId, doctorLogin, started))
                .expectNothingPublished();
        Instant finished = spec.advance(Duration.ofMinutes(20));
        spec.whenSent(new Complete(appointmentId, doctorLogin, finished))
                .expectPublished(new AppointmentChanged.Completed(
                        spec.generated(),
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
                        finished));
    }

    @Test
    void theNoShowCheckMarkingAPatientWhoDidNotComeIsAnnouncedAsAutomatic() {
        AppointmentSlot slot = visitIn(Duration.ofHours(1));
        UUID appointmentId = givenBooked(slot);
        Instant checkedAt = spec.advance(Duration.ofMinutes(80));

        spec.whenSent(new MarkNoShow(appointmentId, Duration.ofMinutes(15), true, Actor.SYSTEM_USER_ID, checkedAt))
                .expectPublished(new AppointmentChanged.NoShow(
                        spec.generated(),
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
                        checkedAt,
                        true));
    }

    @Test
    void aSeriesOfChangesIsAnnouncedInTheOrderTheyHappened() {
        AppointmentSlot first = visitIn(Duration.ofDays(3));
        AppointmentSlot second = visitIn(Duration.ofDays(4));
        UUID appointmentId = UUID.randomUUID();
        List<Object> facts = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<AppointmentChanged>> recorder = published -> {
            if (published.getPayload().appointmentId().equals(appointmentId)) {
                facts.add(published.getPayload().getClass().getSimpleName());
            }
        };
        ConfigurableApplicationContext application = (ConfigurableApplicationContext) context;
        application.addApplicationListener(recorder);
        try {
            spec.givenSent(new HoldSlot(
                    appointmentId, patient, first, now.plus(Duration.ofMinutes(5)), reception, Optional.empty(), now));
            spec.givenSent(new ConfirmHold(appointmentId, reception, now));
            spec.givenSent(new Reschedule(appointmentId, second, patientLogin, now));
            spec.givenSent(new Cancel(appointmentId, CancellationReason.OTHER, "", reception, LATE_WINDOW, now));
        } finally {
            application.removeApplicationListener(recorder);
        }

        assertThat(facts).containsExactly("Held", "Booked", "Rescheduled", "Cancelled");
    }

    /**
     * At least once: a listener that fails rolls back the processor's transaction (and so whatever
     * the listener wrote in it), and the processor hands the same event over again; the fact it
     * publishes then is the same, with the same {@code eventId}, in a transaction that commits.
     */
    @Test
    void aFactWhoseListenerFailedIsPublishedAgainWithTheSameEventIdInTheProcessorsTransaction() {
        AppointmentSlot slot = visitIn(Duration.ofDays(3));
        UUID appointmentId = UUID.randomUUID();
        record Delivery(AppointmentChanged fact, boolean inTransaction, String thread, List<Integer> outcome) {}
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        ApplicationListener<PayloadApplicationEvent<AppointmentChanged>> failingOnce = published -> {
            AppointmentChanged fact = published.getPayload();
            if (!fact.appointmentId().equals(appointmentId)) {
                return;
            }
            List<Integer> outcome = new CopyOnWriteArrayList<>();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    outcome.add(status);
                }
            });
            deliveries.add(new Delivery(
                    fact,
                    TransactionSynchronizationManager.isActualTransactionActive(),
                    Thread.currentThread().getName(),
                    outcome));
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the notice could not be stored this time");
            }
        };
        ConfigurableApplicationContext application = (ConfigurableApplicationContext) context;
        application.addApplicationListener(failingOnce);
        Reaction reaction;
        try {
            reaction =
                    spec.whenSent(new BookAppointment(appointmentId, patient, slot, reception, Optional.empty(), now));
        } finally {
            application.removeApplicationListener(failingOnce);
        }

        assertThat(reaction.failures()).hasSize(1);
        assertThat(deliveries).hasSize(2);
        Delivery first = deliveries.get(0);
        Delivery again = deliveries.get(1);
        assertThat(again.fact()).isEqualTo(first.fact());
        assertThat(first.fact().eventId()).isEqualTo(storedEventId(appointmentId, "AppointmentBooked"));
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.inTransaction()).isTrue();
            assertThat(delivery.thread()).contains(SchedulingFacts.PROCESSING_GROUP);
        });
        assertThat(first.outcome()).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(again.outcome()).containsExactly(TransactionSynchronization.STATUS_COMMITTED);
    }
}
