package com.clinic.scheduling.application.queue;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.platform.application.IdGenerator;
import com.clinic.platform.application.axon.Commands;
import com.clinic.scheduling.application.queue.port.QueueTicketRoutes;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.ConsultationStarted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.PatientCheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowAppointmentCompleted;
import com.clinic.scheduling.domain.queue.QueueCommand.FollowConsultationStarted;
import com.clinic.scheduling.domain.queue.QueueCommand.JoinBookedPatient;
import com.clinic.scheduling.domain.queue.QueueKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps queues in step with appointments: a booked patient who checks in joins their doctor's queue
 * for the appointment's day, and a consultation started or completed on the appointment moves the
 * ticket along. The queue commands run in this handler's transaction, so a check-in is admitted
 * exactly once with the processor's progress; they are idempotent, so a redelivery changes nothing.
 *
 * <p>It sends commands and builds no read model, so it never takes part in a replay
 * ({@code @DisallowReplay}); the admission horizon additionally keeps a processor that starts from
 * the beginning of the event store (a new deployment) from reopening old check-ins.
 */
@Component
@DisallowReplay
@ProcessingGroup(QueueAdmission.PROCESSING_GROUP)
public class QueueAdmission {

    public static final String PROCESSING_GROUP = "scheduling-queue-admission";

    private static final Logger log = LoggerFactory.getLogger(QueueAdmission.class);

    private final Commands commands;
    private final DirectoryFacts directory;
    private final QueueTicketRoutes routes;
    private final IdGenerator ids;
    private final QueueSettings settings;
    private final Clock clock;

    public QueueAdmission(
            Commands commands,
            DirectoryFacts directory,
            QueueTicketRoutes routes,
            IdGenerator ids,
            QueueSettings settings,
            Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.routes = routes;
        this.ids = ids;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(PatientCheckedIn event) {
        AppointmentSlot slot = event.slot();
        if (slot.virtual()) {
            return; // a video consultation has no waiting room
        }
        if (Duration.between(event.at(), clock.instant()).compareTo(settings.admissionHorizon()) > 0) {
            log.debug("Check-in of appointment {} at {} is too old to join a queue", event.appointmentId(), event.at());
            return;
        }
        Optional<BranchFacts> branch = directory.branch(slot.branchId());
        if (branch.isEmpty()) {
            log.warn("Appointment {} is at unknown branch {}; not queued", event.appointmentId(), slot.branchId());
            return;
        }
        Instant start = slot.time().start();
        QueueKey key = new QueueKey(
                slot.doctorId(),
                slot.branchId(),
                LocalDate.ofInstant(start, branch.get().zone()));
        commands.request(new JoinBookedPatient(
                QueueIds.of(key),
                key,
                ids.next(),
                event.appointmentId(),
                event.patientId(),
                start,
                settings.grace(),
                event.checkedInBy(),
                event.at()));
    }

    @EventHandler
    void on(ConsultationStarted event) {
        routes.findByAppointment(event.appointmentId())
                .ifPresent(route -> commands.request(
                        new FollowConsultationStarted(route.queueId(), event.appointmentId(), event.at())));
    }

    @EventHandler
    void on(AppointmentCompleted event) {
        routes.findByAppointment(event.appointmentId())
                .ifPresent(route -> commands.request(new FollowAppointmentCompleted(
                        route.queueId(), event.appointmentId(), event.consultationStartedAt(), event.at())));
    }
}
