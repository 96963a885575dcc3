package com.clinic.scheduling.persistence.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.StoredEvents;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.persistence.Slots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guard against double booking, run as the subscribing processor runs it: in the command's
 * transaction, so that a refused claim rolls back the command's event with it.
 */
@ExtendWith(PostgresTestDatabase.class)
class SlotClaimLedgerTest {

    private static final Instant NINE = Instant.parse("2026-07-01T09:00:00Z");

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final StoredEvents store;
    private final SlotClaimLedger ledger;
    private final Slots slots = Slots.anywhere();
    private final UUID doctor = UUID.randomUUID();

    SlotClaimLedgerTest(
            DSLContext db,
            TransactionTemplate transactions,
            DataSource dataSource,
            PlatformTransactionManager transactionManager) {
        this.db = db;
        this.transactions = transactions;
        this.store = new StoredEvents(dataSource, transactionManager);
        this.ledger = new SlotClaimLedger(db);
    }

    @Test
    void aHoldClaimsTheDoctorsBlockedTimeThePatientsOwnTimeAndRecordsWhoseAppointmentItIs() {
        UUID appointment = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        AppointmentSlot slot = slots.slot(doctor, NINE, 30, Duration.ofMinutes(5), Duration.ofMinutes(10), 1);

        command(() -> ledger.on(held(appointment, patient, slot)));

        assertThat(db.fetchValue(
                        "SELECT lower(period) = ?::timestamptz AND upper(period) = ?::timestamptz FROM slot_claim"
                                + " WHERE appointment_id = ?",
                        "2026-07-01T08:55:00Z",
                        "2026-07-01T09:40:00Z",
                        appointment))
                .isEqualTo(true);
        assertThat(db.fetchValue(
                        "SELECT lower(period) = ?::timestamptz AND upper(period) = ?::timestamptz FROM patient_claim"
                                + " WHERE appointment_id = ?",
                        "2026-07-01T09:00:00Z",
                        "2026-07-01T09:30:00Z",
                        appointment))
                .isEqualTo(true);
        assertThat(new JooqAppointmentParties(db).find(appointment)).hasValueSatisfying(parties -> {
            assertThat(parties.patientId()).isEqualTo(patient);
            assertThat(parties.doctorId()).isEqualTo(doctor);
        });
    }

    @Test
    void anOverlappingClaimOnTheDoctorFailsItsCommandAndRollsBackTheCommandsEvent() {
        command(() -> ledger.on(held(UUID.randomUUID(), UUID.randomUUID(), slots.slot(doctor, NINE, 30))));
        UUID second = UUID.randomUUID();
        UUID otherPatient = UUID.randomUUID();

        assertThatThrownBy(() -> command(() -> {
                    SlotHeld event = held(second, otherPatient, slots.slot(doctor, NINE.plusSeconds(15 * 60), 30));
                    store.append("AppointmentAggregate", second.toString(), 0, event, Map.of(), NINE);
                    ledger.on(event);
                }))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("appointment.slot-taken");

        assertThat(store.all()).as("the command's event").isEmpty();
        assertThat(claimsOf(second)).isZero();
        assertThat(patientClaimsOf(second)).isZero();
        assertThat(new JooqAppointmentParties(db).find(second)).isEmpty();
    }

    @Test
    void timeThatOnlyTouchesAnotherClaimIsFree() {
        command(() -> ledger.on(held(UUID.randomUUID(), UUID.randomUUID(), slots.slot(doctor, NINE, 30))));

        UUID next = UUID.randomUUID();
        command(() -> ledger.on(held(next, UUID.randomUUID(), slots.slot(doctor, NINE.plusSeconds(30 * 60), 30))));

        assertThat(claimsOf(next)).isEqualTo(1);
    }

    @Test
    void aPatientCannotBeInTwoPlacesAtOnceButTheDoctorsBuffersAreNotTheirs() {
        UUID patient = UUID.randomUUID();
        UUID otherDoctor = UUID.randomUUID();
        command(() -> ledger.on(held(
                UUID.randomUUID(), patient, slots.slot(doctor, NINE, 30, Duration.ZERO, Duration.ofMinutes(15), 1))));

        // Right after, with another doctor: only the first doctor's clean-up buffer overlaps.
        UUID straightAfter = UUID.randomUUID();
        command(() -> ledger.on(held(straightAfter, patient, slots.slot(otherDoctor, NINE.plusSeconds(30 * 60), 30))));
        assertThat(patientClaimsOf(straightAfter)).isEqualTo(1);

        assertThatThrownBy(() -> command(() -> ledger.on(held(
                        UUID.randomUUID(), patient, slots.slot(UUID.randomUUID(), NINE.plusSeconds(10 * 60), 30)))))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("appointment.patient-busy");
    }

    @Test
    void aTypesCapacityLetsThatManyPatientsShareTheTimeAndNoMore() {
        AppointmentSlot group = slots.slot(doctor, NINE, 60, Duration.ZERO, Duration.ZERO, 2);
        command(() -> ledger.on(held(UUID.randomUUID(), UUID.randomUUID(), group)));
        command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), group)));

        assertThatThrownBy(() -> command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), group))))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("appointment.slot-taken");
        assertThat(db.fetch("SELECT lane FROM slot_claim ORDER BY lane").getValues(0, Short.class))
                .containsExactly((short) 0, (short) 1);
    }

    @Test
    void aCancelledOrExpiredAppointmentFreesItsTimeForTheNextPatient() {
        UUID cancelled = UUID.randomUUID();
        AppointmentSlot nine = slots.slot(doctor, NINE, 30);
        command(() -> ledger.on(booked(cancelled, UUID.randomUUID(), nine)));
        UUID expired = UUID.randomUUID();
        AppointmentSlot ten = slots.slot(doctor, NINE.plusSeconds(3600), 30);
        command(() -> ledger.on(held(expired, UUID.randomUUID(), ten)));

        command(() -> ledger.on(new AppointmentCancelled(
                cancelled, nine, CancellationReason.PATIENT_REQUEST, "", false, false, UUID.randomUUID(), NINE)));
        command(() -> ledger.on(new HoldExpired(expired, ten, Optional.empty(), NINE)));

        assertThat(claimsOf(cancelled) + patientClaimsOf(cancelled) + claimsOf(expired) + patientClaimsOf(expired))
                .isZero();
        command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), nine)));
        command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), ten)));
        assertThat(db.fetchCount(db.selectFrom("slot_claim"))).isEqualTo(2);
    }

    @Test
    void aNoShowFreesThePatientButTheDoctorsTimeStaysClaimed() {
        UUID missed = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        AppointmentSlot slot = slots.slot(doctor, NINE, 30);
        command(() -> ledger.on(booked(missed, patient, slot)));

        command(() -> ledger.on(new AppointmentMarkedNoShow(missed, patient, slot, true, NINE.plusSeconds(900))));

        assertThat(patientClaimsOf(missed)).isZero();
        assertThat(claimsOf(missed)).isEqualTo(1);
        command(() -> ledger.on(booked(UUID.randomUUID(), patient, slots.slot(UUID.randomUUID(), NINE, 30))));
    }

    @Test
    void aRescheduleMovesBothClaimsAndMayOverlapItsOwnOldTime() {
        UUID moved = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        AppointmentSlot from = slots.slot(doctor, NINE, 30);
        AppointmentSlot to = slots.slot(doctor, NINE.plusSeconds(15 * 60), 30);
        command(() -> ledger.on(booked(moved, patient, from)));

        command(() -> ledger.on(new AppointmentRescheduled(moved, from, to, UUID.randomUUID(), NINE)));

        assertThat(db.fetchValue(
                        "SELECT lower(period) = ?::timestamptz FROM slot_claim WHERE appointment_id = ?",
                        "2026-07-01T09:15:00Z",
                        moved))
                .isEqualTo(true);
        assertThat(patientClaimsOf(moved)).isEqualTo(1);
        // 09:00-09:15 is free again.
        command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), slots.slot(doctor, NINE, 15))));
    }

    @Test
    void aRescheduleToAnotherDoctorFollowsInTheAppointmentsParties() {
        UUID moved = UUID.randomUUID();
        UUID otherDoctor = UUID.randomUUID();
        AppointmentSlot from = slots.slot(doctor, NINE, 30);
        command(() -> ledger.on(booked(moved, UUID.randomUUID(), from)));

        command(() -> ledger.on(
                new AppointmentRescheduled(moved, from, slots.slot(otherDoctor, NINE, 30), UUID.randomUUID(), NINE)));

        assertThat(new JooqAppointmentParties(db).find(moved))
                .hasValueSatisfying(parties -> assertThat(parties.doctorId()).isEqualTo(otherDoctor));
        command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), from)));
    }

    @Test
    void aRescheduleIntoTakenTimeIsRefusedAndTheOldClaimsSurviveTheRollback() {
        UUID moved = UUID.randomUUID();
        AppointmentSlot from = slots.slot(doctor, NINE, 30);
        AppointmentSlot taken = slots.slot(doctor, NINE.plusSeconds(3600), 30);
        command(() -> ledger.on(booked(moved, UUID.randomUUID(), from)));
        command(() -> ledger.on(booked(UUID.randomUUID(), UUID.randomUUID(), taken)));

        assertThatThrownBy(() -> command(
                        () -> ledger.on(new AppointmentRescheduled(moved, from, taken, UUID.randomUUID(), NINE))))
                .isInstanceOf(Rejection.Conflict.class)
                .hasMessage("appointment.slot-taken");

        assertThat(db.fetchValue(
                        "SELECT lower(period) = ?::timestamptz FROM slot_claim WHERE appointment_id = ?",
                        "2026-07-01T09:00:00Z",
                        moved))
                .isEqualTo(true);
        assertThat(patientClaimsOf(moved)).isEqualTo(1);
    }

    @Test
    void ofConcurrentCommandsHoldingTheSameTimeExactlyOneSucceeds() throws Exception {
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    command(() -> ledger.on(held(UUID.randomUUID(), UUID.randomUUID(), slots.slot(doctor, NINE, 30))));
                    return true;
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> attempt : attempts) {
                try {
                    attempt.get();
                    succeeded++;
                } catch (ExecutionException refused) {
                    assertThat(refused.getCause())
                            .isInstanceOf(Rejection.Conflict.class)
                            .hasMessage("appointment.slot-taken");
                }
            }

            assertThat(succeeded).isEqualTo(1);
            assertThat(db.fetchCount(db.selectFrom("slot_claim"))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One command's transaction, as the subscribing processor shares it. */
    private void command(Runnable inTransaction) {
        transactions.executeWithoutResult(status -> inTransaction.run());
    }

    private static SlotHeld held(UUID appointment, UUID patient, AppointmentSlot slot) {
        return new SlotHeld(
                appointment,
                patient,
                slot,
                NINE.minusSeconds(3600),
                patient,
                Optional.empty(),
                NINE.minusSeconds(7200));
    }

    private static AppointmentBooked booked(UUID appointment, UUID patient, AppointmentSlot slot) {
        return new AppointmentBooked(appointment, patient, slot, patient, Optional.empty(), NINE.minusSeconds(7200));
    }

    private int claimsOf(UUID appointment) {
        return db.fetchCount(db.selectFrom("slot_claim").where("appointment_id = ?", appointment));
    }

    private int patientClaimsOf(UUID appointment) {
        return db.fetchCount(db.selectFrom("patient_claim").where("appointment_id = ?", appointment));
    }
}
