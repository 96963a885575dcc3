package com.clinic.scheduling.queue;

import com.clinic.scheduling.GivenClinic;
import com.clinic.scheduling.application.queue.QueueAdmission;
import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.application.queue.QueueSettings;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.ConsultationStarted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.PatientCheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowAppointmentCompleted;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowConsultationStarted;
import com.clinic.scheduling.domain.queue.QueueCommand.JoinBookedPatient;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.support.IntegrationTest;
import com.clinic.support.ProcessSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Queue admission, path by path: given a clinic's booked appointments (stored as the aggregates' own
 * events), when a patient checks in or their consultation starts or ends, expect the queue commands
 * the process sends. The queues they address are the real daily-queue aggregates, so a ticket the
 * process opened in a given step is the one later steps move. The clock stands still.
 */
@IntegrationTest
class QueueAdmissionProcessTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Duration VISIT = Duration.ofMinutes(20);

    @Autowired
    ApplicationContext context;

    @Autowired
    QueueSettings settings;

    private ProcessSpecification spec;
    private GivenClinic clinic;
    private Instant now;
    private Instant start;
    private final UUID doctor = UUID.randomUUID();
    private final UUID inPerson = UUID.randomUUID();
    private final UUID video = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID receptionist = UUID.randomUUID();

    @BeforeEach
    void aClinicWithADoctorAPatientAndTwoKindsOfVisit() {
        spec = ProcessSpecification.of(context, QueueAdmission.PROCESSING_GROUP);
        now = spec.now();
        // Within the hours before the appointment in which a patient may check in.
        start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
        clinic = new GivenClinic(context, RIYADH, now);
        spec.given(clinic.opened());
        spec.given(
                clinic.doctor(doctor, "cardiology"),
                clinic.patient(patient),
                clinic.appointmentType(inPerson, VISIT),
                clinic.appointmentType(video, VISIT, true));
    }

    @AfterEach
    void undo() {
        spec.close();
    }

    private AppointmentSlot slot(UUID type, boolean virtual) {
        return clinic.slot(doctor, type, VISIT, start, virtual);
    }

    private UUID givenBooked(AppointmentSlot slot) {
        UUID appointmentId = UUID.randomUUID();
        spec.given(new AppointmentBooked(appointmentId, patient, slot, receptionist, Optional.empty(), now));
        return appointmentId;
    }

    private PatientCheckedIn checkedIn(UUID appointmentId, AppointmentSlot slot) {
        return new PatientCheckedIn(appointmentId, patient, slot, receptionist, now);
    }

    /** The doctor's queue for the appointment's day in the branch's zone. */
    private QueueKey queue() {
        return new QueueKey(doctor, clinic.branchId, LocalDate.ofInstant(start, RIYADH));
    }

    private JoinBookedPatient joins(UUID ticket, UUID appointmentId) {
        return new JoinBookedPatient(
                QueueIds.of(queue()),
                queue(),
                ticket,
                appointmentId,
                patient,
                start,
                settings.grace(),
                receptionist,
                now);
    }

    @Test
    void aBookedPatientCheckingInJoinsTheDoctorsQueueOfTheAppointmentsDay() {
        AppointmentSlot slot = slot(inPerson, false);
        UUID appointment = givenBooked(slot);
        UUID ticket = spec.generated();

        spec.when(checkedIn(appointment, slot)).expectCommands(joins(ticket, appointment));
    }

    @Test
    void aVideoConsultationHasNoWaitingRoom() {
        AppointmentSlot slot = slot(video, true);
        UUID appointment = givenBooked(slot);

        spec.when(checkedIn(appointment, slot)).expectNoCommands();
    }

    @Test
    void aCheckInOlderThanTheAdmissionHorizonWhenTheProcessGetsToItJoinsNoQueue() {
        AppointmentSlot slot = slot(inPerson, false);
        UUID appointment = givenBooked(slot);

        spec.whenLate(settings.admissionHorizon().plusMinutes(1), checkedIn(appointment, slot))
                .expectNoCommands();
    }

    @Test
    void theConsultationStartingMovesTheQueuedPatientsTicket() {
        AppointmentSlot slot = slot(inPerson, false);
        UUID appointment = givenBooked(slot);
        UUID ticket = spec.generated();
        spec.given(checkedIn(appointment, slot)).expectCommands(joins(ticket, appointment));

        spec.when(new ConsultationStarted(appointment, slot, now))
                .expectCommands(new FollowConsultationStarted(QueueIds.of(queue()), appointment, now));
    }

    @Test
    void theAppointmentCompletedFinishesTheQueuedPatientsTicket() {
        AppointmentSlot slot = slot(inPerson, false);
        UUID appointment = givenBooked(slot);
        UUID ticket = spec.generated();
        spec.given(checkedIn(appointment, slot)).expectCommands(joins(ticket, appointment));
        Instant began = now;
        spec.given(new ConsultationStarted(appointment, slot, began));
        Instant ended = spec.advance(Duration.ofMinutes(9));

        spec.when(new AppointmentCompleted(appointment, slot, began, ended))
                .expectCommands(new FollowAppointmentCompleted(QueueIds.of(queue()), appointment, began, ended));
    }

    @Test
    void aConsultationOfAnAppointmentThatNeverQueuedMovesNoTicket() {
        AppointmentSlot slot = slot(video, true);
        UUID appointment = givenBooked(slot);
        spec.given(checkedIn(appointment, slot)).expectNoCommands();

        spec.when(new ConsultationStarted(appointment, slot, now)).expectNoCommands();
    }
}
