package com.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The double-booking guards at the command level: claims on the doctor's and on the patient's time are
 * written in the command's transaction and checked by PostgreSQL's exclusion constraints, so racing
 * commands cannot both win.
 */
@IntegrationTest
class SlotClaimGuardTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID TYPE = UUID.randomUUID();
    private static final UUID BOOKER = UUID.randomUUID();

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    private static AppointmentSlot slot(UUID doctor, Instant start, int capacity) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(30)));
        return new AppointmentSlot(
                CLINIC, BRANCH, doctor, TYPE, time, time.widen(Duration.ZERO, Duration.ofMinutes(5)), false, capacity);
    }

    private static Instant tomorrowAtNine() {
        return Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(Duration.ofDays(2))
                .plus(Duration.ofHours(9));
    }

    private BookAppointment booking(UUID appointmentId, AppointmentSlot slot) {
        return new BookAppointment(appointmentId, UUID.randomUUID(), slot, BOOKER, Optional.empty(), Instant.now());
    }

    private int claimsOf(UUID doctor) {
        return jdbc.queryForObject("select count(*) from slot_claim where doctor_id = ?", Integer.class, doctor);
    }

    private int bookedEventsOf(List<UUID> appointments) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like '%AppointmentBooked' and aggregateidentifier = any(?)",
                Integer.class,
                (Object) appointments.stream().map(UUID::toString).toArray(String[]::new));
    }

    private static boolean isSlotTaken(Throwable failure) {
        return isConflict(failure, "appointment.slot-taken");
    }

    private static boolean isConflict(Throwable failure, String code) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejection.Conflict conflict && conflict.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Runs every booking at the same moment and returns how many succeeded; every failure must be "slot taken". */
    private int race(List<BookAppointment> bookings) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (BookAppointment booking : bookings) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        commands.sendAndWait(booking);
                        return true;
                    } catch (RuntimeException failure) {
                        assertThat(isSlotTaken(failure))
                                .as("failure is a slot-taken rejection: %s", failure)
                                .isTrue();
                        return false;
                    }
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (outcome.get(60, TimeUnit.SECONDS)) {
                    wins++;
                }
            }
            return wins;
        }
    }

    @Test
    void ofOneHundredConcurrentOverlappingBookingsExactlyOneWins() throws Exception {
        UUID doctor = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        List<UUID> ids = new ArrayList<>();
        List<BookAppointment> bookings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            // Starts spread over ten minutes: every pair still overlaps, not only identical requests.
            bookings.add(booking(id, slot(doctor, nine.plus(Duration.ofMinutes(i % 10)), 1)));
        }

        assertThat(race(bookings)).isEqualTo(1);
        assertThat(claimsOf(doctor)).isEqualTo(1);
        assertThat(bookedEventsOf(ids)).isEqualTo(1);
    }

    @Test
    void anOverbookableTypeAdmitsExactlyItsCapacity() throws Exception {
        UUID doctor = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        List<BookAppointment> bookings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bookings.add(booking(UUID.randomUUID(), slot(doctor, nine, 3)));
        }

        assertThat(race(bookings)).isEqualTo(3);
        assertThat(claimsOf(doctor)).isEqualTo(3);
    }

    @Test
    void adjacentAppointmentsDoNotCollideButTheirBuffersDo() {
        UUID doctor = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        commands.sendAndWait(booking(UUID.randomUUID(), slot(doctor, nine, 1)));

        // 09:30 would start inside the first one's five-minute buffer; 09:35 is clear of it.
        assertThatThrownBy(() -> commands.sendAndWait(
                        booking(UUID.randomUUID(), slot(doctor, nine.plus(Duration.ofMinutes(30)), 1))))
                .satisfies(failure -> assertThat(isSlotTaken(failure)).isTrue());
        commands.sendAndWait(booking(UUID.randomUUID(), slot(doctor, nine.plus(Duration.ofMinutes(35)), 1)));
        assertThat(claimsOf(doctor)).isEqualTo(2);
    }

    @Test
    void cancellingReleasesTheTimeForTheNextPatient() {
        UUID doctor = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        AppointmentSlot nine = slot(doctor, tomorrowAtNine(), 1);
        commands.sendAndWait(booking(first, nine));

        commands.sendAndWait(
                new Cancel(first, CancellationReason.PATIENT_REQUEST, "", BOOKER, Duration.ofHours(24), Instant.now()));
        commands.sendAndWait(booking(UUID.randomUUID(), nine));

        assertThat(claimsOf(doctor)).isEqualTo(1);
    }

    @Test
    void aRescheduleIntoTakenTimeFailsAndKeepsTheOriginalSlot() {
        UUID doctor = UUID.randomUUID();
        UUID moving = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        commands.sendAndWait(booking(moving, slot(doctor, nine, 1)));
        commands.sendAndWait(booking(UUID.randomUUID(), slot(doctor, nine.plus(Duration.ofHours(1)), 1)));

        assertThatThrownBy(() -> commands.sendAndWait(
                        new Reschedule(moving, slot(doctor, nine.plus(Duration.ofHours(1)), 1), BOOKER, Instant.now())))
                .satisfies(failure -> assertThat(isSlotTaken(failure)).isTrue());

        assertThat(jdbc.queryForObject(
                                "select lower(period) from slot_claim where appointment_id = ?",
                                java.time.OffsetDateTime.class,
                                moving)
                        .toInstant())
                .isEqualTo(nine);
    }

    @Test
    void aRescheduleIntoOverlappingFreeTimeDoesNotCollideWithItself() {
        UUID doctor = UUID.randomUUID();
        UUID moving = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        commands.sendAndWait(booking(moving, slot(doctor, nine, 1)));

        commands.sendAndWait(
                new Reschedule(moving, slot(doctor, nine.plus(Duration.ofMinutes(15)), 1), BOOKER, Instant.now()));

        assertThat(claimsOf(doctor)).isEqualTo(1);
    }

    // --- One patient, one place at a time ------------------------------------------------------

    private static BookAppointment bookingOf(UUID patient, AppointmentSlot slot) {
        return new BookAppointment(UUID.randomUUID(), patient, slot, BOOKER, Optional.empty(), Instant.now());
    }

    private int patientClaimsOf(UUID patient) {
        return jdbc.queryForObject("select count(*) from patient_claim where patient_id = ?", Integer.class, patient);
    }

    @Test
    void aPatientCannotHaveTwoOverlappingAppointmentsEvenWithTwoDoctors() {
        UUID patient = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        commands.sendAndWait(bookingOf(patient, slot(UUID.randomUUID(), nine, 1)));

        assertThatThrownBy(() -> commands.sendAndWait(
                        bookingOf(patient, slot(UUID.randomUUID(), nine.plus(Duration.ofMinutes(20)), 1))))
                .satisfies(failure -> assertThat(isConflict(failure, "appointment.patient-busy"))
                        .isTrue());
        // The buffer is the doctor's: the patient may start elsewhere as soon as the first one ends.
        commands.sendAndWait(bookingOf(patient, slot(UUID.randomUUID(), nine.plus(Duration.ofMinutes(30)), 1)));
        assertThat(patientClaimsOf(patient)).isEqualTo(2);
    }

    @Test
    void aHoldThatExpiresFreesThePatientToo() {
        UUID patient = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        commands.sendAndWait(new HoldSlot(
                held, patient, slot(UUID.randomUUID(), nine, 1), until, BOOKER, Optional.empty(), Instant.now()));
        AppointmentSlot elsewhere = slot(UUID.randomUUID(), nine, 1);
        assertThatThrownBy(() -> commands.sendAndWait(bookingOf(patient, elsewhere)))
                .satisfies(failure -> assertThat(isConflict(failure, "appointment.patient-busy"))
                        .isTrue());

        commands.sendAndWait(new ExpireHold(held, until));

        commands.sendAndWait(bookingOf(patient, elsewhere));
        assertThat(patientClaimsOf(patient)).isEqualTo(1);
    }

    @Test
    void aNoShowFreesThePatientWhileTheDoctorsTimeStaysClaimed() {
        UUID patient = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        commands.sendAndWait(
                new BookAppointment(missed, patient, slot(doctor, nine, 1), BOOKER, Optional.empty(), Instant.now()));
        AppointmentSlot elsewhere = slot(UUID.randomUUID(), nine.plus(Duration.ofMinutes(20)), 1);
        assertThatThrownBy(() -> commands.sendAndWait(bookingOf(patient, elsewhere)))
                .satisfies(failure -> assertThat(isConflict(failure, "appointment.patient-busy"))
                        .isTrue());

        commands.sendAndWait(
                new MarkNoShow(missed, Duration.ofMinutes(15), false, BOOKER, nine.plus(Duration.ofMinutes(16))));

        commands.sendAndWait(bookingOf(patient, elsewhere));
        assertThat(claimsOf(doctor)).isEqualTo(1);
    }

    @Test
    void aRescheduleMovesThePatientsClaimAndRefusesTimeTheyAreBusyAt() {
        UUID patient = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        UUID moving = UUID.randomUUID();
        Instant nine = tomorrowAtNine();
        commands.sendAndWait(
                new BookAppointment(moving, patient, slot(doctor, nine, 1), BOOKER, Optional.empty(), Instant.now()));
        commands.sendAndWait(bookingOf(patient, slot(UUID.randomUUID(), nine.plus(Duration.ofHours(2)), 1)));

        // Into time overlapping its own: no collision with itself.
        commands.sendAndWait(
                new Reschedule(moving, slot(doctor, nine.plus(Duration.ofMinutes(15)), 1), BOOKER, Instant.now()));
        // Into the patient's other appointment: refused, and the appointment keeps its time.
        assertThatThrownBy(() -> commands.sendAndWait(
                        new Reschedule(moving, slot(doctor, nine.plus(Duration.ofHours(2)), 1), BOOKER, Instant.now())))
                .satisfies(failure -> assertThat(isConflict(failure, "appointment.patient-busy"))
                        .isTrue());

        assertThat(jdbc.queryForObject(
                                "select lower(period) from patient_claim where appointment_id = ?",
                                java.time.OffsetDateTime.class,
                                moving)
                        .toInstant())
                .isEqualTo(nine.plus(Duration.ofMinutes(15)));
        assertThat(patientClaimsOf(patient)).isEqualTo(2);
    }
}
