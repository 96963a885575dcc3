package com.clinic.scheduling.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.scheduling.application.queue.QueueBoard;
import com.clinic.scheduling.application.queue.QueueBoards;
import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.availability.TimeRange;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A booked patient's check-in puts them in their doctor's queue for the appointment's day (in the
 * branch's zone), placed by appointment time; the consultation started and completed on the
 * appointment moves the ticket along and counts once towards the doctor's real durations.
 */
@IntegrationTest
class QueueAdmissionTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueueTicketRoutes routes;

    @Autowired
    QueueBoardReadModel readModel;

    @Autowired
    QueueBoards boards;

    private QueueWorld world;

    @BeforeEach
    void world() {
        world = QueueWorld.in(context);
    }

    private AppointmentSlot slot(UUID doctorId, Instant start, boolean virtual) {
        TimeRange time = new TimeRange(start, start.plus(Duration.ofMinutes(20)));
        return new AppointmentSlot(world.clinicId, world.branchId, doctorId, UUID.randomUUID(), time, time, virtual, 1);
    }

    private UUID bookAndCheckIn(AppointmentSlot slot) {
        UUID appointmentId = UUID.randomUUID();
        Instant now = Instant.now();
        commands.sendAndWait(new BookAppointment(
                appointmentId, world.patientId, slot, world.receptionist.userId(), Optional.empty(), now));
        commands.sendAndWait(new CheckIn(appointmentId, world.receptionist.userId(), now));
        return appointmentId;
    }

    @Test
    void aCheckedInPatientJoinsTheDoctorsQueueOfTheAppointmentsDayAndFollowsTheConsultation() {
        // Clear of the other test's appointments (+30 and +50 minutes): the world has one patient, who
        // cannot be in two appointments at once.
        Instant start = Instant.now().plus(Duration.ofMinutes(100)).truncatedTo(ChronoUnit.SECONDS);
        AppointmentSlot slot = slot(world.colleagueId, start, false);
        QueueKey key =
                new QueueKey(world.colleagueId, world.branchId, LocalDate.ofInstant(start, ZoneId.of("Asia/Riyadh")));

        UUID appointmentId = bookAndCheckIn(slot);

        await().atMost(Duration.ofSeconds(15))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    var route = routes.findByAppointment(appointmentId).orElseThrow();
                    assertThat(route.queueId()).isEqualTo(QueueIds.of(key));
                    var row = readModel.ticket(route.ticketId()).orElseThrow();
                    assertThat(row.progress()).isEqualTo(Progress.WAITING);
                    assertThat(row.patientId()).contains(world.patientId);
                    assertThat(row.effectiveAt()).isEqualTo(start); // early: placed by the appointment time
                });
        UUID ticketId = routes.findByAppointment(appointmentId).orElseThrow().ticketId();

        Instant began = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(new StartConsultation(appointmentId, world.colleague.userId(), began));
        await().atMost(Duration.ofSeconds(15))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    QueueBoard board = boards.displaySnapshot(key);
                    assertThat(board.inService())
                            .extracting(QueueBoard.Entry::ticketId)
                            .containsExactly(ticketId);
                });

        commands.sendAndWait(new Complete(appointmentId, world.colleague.userId(), began.plus(Duration.ofMinutes(9))));
        await().atMost(Duration.ofSeconds(15))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> {
                    assertThat(readModel.ticket(ticketId).orElseThrow().progress())
                            .isEqualTo(Progress.FINISHED);
                    assertThat(readModel.recentDurations(world.colleagueId, began.minus(Duration.ofDays(1)), 20))
                            .containsExactly(Duration.ofMinutes(9));
                });
    }

    @Test
    void aVideoConsultationHasNoWaitingRoom() {
        UUID appointmentId =
                bookAndCheckIn(slot(world.secondBranchDoctorId, Instant.now().plus(Duration.ofMinutes(30)), true));
        // a later, in-person check-in processed after it proves the first was seen and skipped; it starts
        // when the first ends, since the same doctor cannot be booked twice for overlapping time
        UUID inPerson =
                bookAndCheckIn(slot(world.secondBranchDoctorId, Instant.now().plus(Duration.ofMinutes(50)), false));

        await().atMost(Duration.ofSeconds(15))
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(
                        () -> assertThat(routes.findByAppointment(inPerson)).isPresent());
        assertThat(routes.findByAppointment(appointmentId)).isEmpty();
    }
}
