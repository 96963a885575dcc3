package com.clinic.scheduling.application.facts;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.BranchFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.scheduling.AppointmentChanged;
import com.clinic.scheduling.QueueTicketChanged;
import com.clinic.scheduling.application.port.AppointmentParties;
import com.clinic.scheduling.application.port.AppointmentParties.Parties;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.ConsultationStarted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldConfirmed;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.PatientCheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.queue.QueueEvent;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketCalled;
import com.clinic.scheduling.domain.queue.QueueEvent.TicketRecalled;
import com.clinic.scheduling.domain.queue.QueueState;
import com.clinic.scheduling.domain.queue.QueueState.Open;
import com.clinic.scheduling.domain.queue.QueueState.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells other contexts what happened to appointments and queue tickets ({@link AppointmentChanged},
 * {@link QueueTicketChanged}, scheduling's API; its domain events are internal). A tracking event
 * processor of its own ({@value #PROCESSING_GROUP}), so the command that made it happen never waits
 * for it or for whoever listens: it publishes after the command committed, with Spring's {@link
 * ApplicationEventPublisher}, synchronously. Listeners therefore run in this processor's transaction
 * and what they write commits together with its position: a failure rolls both back and the event is
 * handled again (at least once, never lost, in order: one segment, one event per transaction, see
 * {@link SchedulingFactsConfiguration}). Each fact carries the stored event's identifier, the same on
 * every redelivery, for the listeners' idempotency.
 *
 * <p>Facts are news, not a read model: a replay of projections must not announce them again. So the
 * class disallows replay: Axon then refuses to reset the processor, and projection administration
 * lists it as a process, paused (keeping its position) while projections rebuild, never replayed.
 * For the same reason it starts at the head of the event store (see the configuration).
 *
 * <p>Everything a fact says comes from scheduling's own state as of the event: the event itself, who
 * an appointment concerns ({@link AppointmentParties}, written in the command's transaction, for the
 * events that do not name the patient), and for queues the queue's state before and after the event,
 * folded from its own stored events ({@link QueueStates}). From the directory it takes only what does
 * not change in the meantime: the branch's zone and the patient's login (whether the acting user is
 * the patient); the use cases looked both up before they acted, so both are known by now. An event no
 * use case could have stored (at a branch the directory never knew) is logged and not announced rather
 * than holding up every later fact; any other failure propagates and the processor retries the event.
 */
@Component
@DisallowReplay
@ProcessingGroup(SchedulingFacts.PROCESSING_GROUP)
public class SchedulingFacts {

    public static final String PROCESSING_GROUP = "scheduling-facts";

    private static final Logger log = LoggerFactory.getLogger(SchedulingFacts.class);

    private final ApplicationEventPublisher publisher;
    private final DirectoryFacts directory;
    private final AppointmentParties parties;
    private final QueueStates queues;

    SchedulingFacts(
            ApplicationEventPublisher publisher,
            DirectoryFacts directory,
            AppointmentParties parties,
            EventStore eventStore) {
        this.publisher = publisher;
        this.directory = directory;
        this.parties = parties;
        this.queues = new QueueStates(eventStore);
    }

    @EventHandler
    void on(AppointmentEvent event, @MessageIdentifier String messageId) {
        Optional<AppointmentChanged> fact;
        try {
            fact = fact(event, eventId(messageId));
        } catch (Unannounceable unknown) {
            log.warn(
                    "{} of appointment {} not announced: {}",
                    typeOf(event),
                    event.appointmentId(),
                    unknown.getMessage());
            return;
        }
        fact.ifPresent(publisher::publishEvent);
    }

    @EventHandler
    void on(QueueEvent event, @MessageIdentifier String messageId, @SequenceNumber Long sequence) {
        QueueState before = queues.before(event.queueId(), sequence);
        QueueState after = queues.after(event.queueId(), sequence, before, event);
        if (!(after instanceof Open open)) {
            return;
        }
        Optional<Ticket> called =
                switch (event) {
                    case TicketCalled call -> open.ticket(call.ticketId());
                    case TicketRecalled recall -> open.ticket(recall.ticketId());
                    default -> Optional.empty();
                };
        Optional<UUID> nextBefore = firstWaiting(before).map(Ticket::ticketId);
        Optional<Ticket> next = firstWaiting(after).filter(head -> !nextBefore.equals(Optional.of(head.ticketId())));
        if (called.isEmpty() && next.isEmpty()) {
            return;
        }
        UUID eventId = eventId(messageId);
        UUID branchId = open.key().branchId();
        Optional<UUID> doctorId = Optional.of(open.key().doctorId());
        ZoneId zone;
        try {
            zone = zoneOf(branchId);
        } catch (Unannounceable unknown) {
            log.warn("{} of queue {} not announced: {}", typeOf(event), event.queueId(), unknown.getMessage());
            return;
        }
        called.ifPresent(ticket -> publisher.publishEvent(new QueueTicketChanged.Called(
                eventId,
                event.queueId(),
                ticket.ticketId(),
                ticket.number(),
                ticket.patientId(),
                branchId,
                doctorId,
                zone,
                event.at())));
        next.ifPresent(ticket -> publisher.publishEvent(new QueueTicketChanged.YouAreNext(
                eventId,
                event.queueId(),
                ticket.ticketId(),
                ticket.number(),
                ticket.patientId(),
                branchId,
                doctorId,
                zone,
                event.at())));
    }

    /**
     * Axon's event identifiers are random UUIDs; one that is not (written by other means) still maps
     * to one stable UUID.
     */
    static UUID eventId(String messageId) {
        try {
            return UUID.fromString(messageId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Optional<Ticket> firstWaiting(QueueState state) {
        return state instanceof Open open ? open.waitingInOrder().stream().findFirst() : Optional.empty();
    }

    /** What the fact shares with every other fact about the appointment. */
    private record About(
            UUID eventId, UUID appointmentId, UUID patientId, AppointmentSlot slot, ZoneId zone, Instant at) {
        UUID clinicId() {
            return slot.clinicId();
        }

        UUID branchId() {
            return slot.branchId();
        }

        UUID doctorId() {
            return slot.doctorId();
        }

        UUID typeId() {
            return slot.appointmentTypeId();
        }

        Instant start() {
            return slot.time().start();
        }

        Instant end() {
            return slot.time().end();
        }

        boolean virtual() {
            return slot.virtual();
        }
    }

    private About about(UUID eventId, UUID appointmentId, UUID patientId, AppointmentSlot slot, Instant at) {
        return new About(eventId, appointmentId, patientId, slot, zoneOf(slot.branchId()), at);
    }

    private Optional<AppointmentChanged> fact(AppointmentEvent event, UUID eventId) {
        return switch (event) {
            case SlotHeld held -> {
                About a = about(eventId, held.appointmentId(), held.patientId(), held.slot(), held.at());
                yield Optional.of(new AppointmentChanged.Held(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at(),
                        held.holdUntil(),
                        held.heldBy(),
                        held.waitlistEntryId()));
            }
            case AppointmentBooked booked -> {
                About a = about(eventId, booked.appointmentId(), booked.patientId(), booked.slot(), booked.at());
                yield Optional.of(new AppointmentChanged.Booked(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at(),
                        booked.bookedBy(),
                        false));
            }
            case HoldConfirmed confirmed -> {
                About a = about(
                        eventId, confirmed.appointmentId(), confirmed.patientId(), confirmed.slot(), confirmed.at());
                yield Optional.of(new AppointmentChanged.Booked(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at(),
                        confirmed.confirmedBy(),
                        true));
            }
            case HoldExpired expired -> {
                About a = about(
                        eventId,
                        expired.appointmentId(),
                        patientOf(expired.appointmentId()),
                        expired.slot(),
                        expired.at());
                yield Optional.of(new AppointmentChanged.HoldReleased(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at()));
            }
            case AppointmentRescheduled moved -> {
                UUID patientId = patientOf(moved.appointmentId());
                About a = about(eventId, moved.appointmentId(), patientId, moved.to(), moved.at());
                yield Optional.of(new AppointmentChanged.Rescheduled(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at(),
                        moved.from().time().start(),
                        moved.from().time().end(),
                        moved.rescheduledBy(),
                        isPatient(patientId, moved.rescheduledBy())));
            }
            case AppointmentCancelled cancelled -> {
                UUID patientId = patientOf(cancelled.appointmentId());
                About a = about(eventId, cancelled.appointmentId(), patientId, cancelled.slot(), cancelled.at());
                yield Optional.of(new AppointmentChanged.Cancelled(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at(),
                        cancelled.reason().name(),
                        cancelled.late(),
                        cancelled.wasHold(),
                        cancelled.cancelledBy(),
                        isPatient(patientId, cancelled.cancelledBy())));
            }
            case PatientCheckedIn checkedIn -> {
                About a = about(
                        eventId, checkedIn.appointmentId(), checkedIn.patientId(), checkedIn.slot(), checkedIn.at());
                yield Optional.of(new AppointmentChanged.CheckedIn(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at()));
            }
            case AppointmentCompleted completed -> {
                About a = about(
                        eventId,
                        completed.appointmentId(),
                        patientOf(completed.appointmentId()),
                        completed.slot(),
                        completed.at());
                yield Optional.of(new AppointmentChanged.Completed(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at()));
            }
            case AppointmentMarkedNoShow noShow -> {
                About a = about(eventId, noShow.appointmentId(), noShow.patientId(), noShow.slot(), noShow.at());
                yield Optional.of(new AppointmentChanged.NoShow(
                        a.eventId(),
                        a.appointmentId(),
                        a.patientId(),
                        a.clinicId(),
                        a.branchId(),
                        a.doctorId(),
                        a.typeId(),
                        a.start(),
                        a.end(),
                        a.zone(),
                        a.virtual(),
                        a.at(),
                        noShow.automatic()));
            }
            // Nobody is told a consultation began: the patient is in the room.
            case ConsultationStarted _ -> Optional.empty();
        };
    }

    /**
     * An appointment or queue no use case could have made: one at a branch the directory does not know
     * (every use case looks the branch up before it acts, so the directory knew it before the event),
     * or an appointment whose parties were never recorded (the claim ledger records them with its first
     * event, in the same transaction). Only events written around the use cases get here. Waiting for
     * them would hold up every later fact, and retrying cannot make them announceable.
     */
    private static final class Unannounceable extends RuntimeException {
        Unannounceable(String message) {
            super(message, null, false, false);
        }
    }

    /** Who the appointment is for, as the command's own transaction recorded it with its first event. */
    private UUID patientOf(UUID appointmentId) {
        return parties.find(appointmentId)
                .map(Parties::patientId)
                .orElseThrow(() -> new Unannounceable("no parties recorded for it"));
    }

    private ZoneId zoneOf(UUID branchId) {
        return directory
                .branch(branchId)
                .map(BranchFacts::zone)
                .orElseThrow(() -> new Unannounceable("branch " + branchId + " is not in the directory"));
    }

    private static String typeOf(Object event) {
        return event.getClass().getSimpleName();
    }

    /** Whether the acting user is the patient's own login. */
    private boolean isPatient(UUID patientId, UUID actor) {
        return directory
                .patient(patientId)
                .flatMap(PatientFacts::userId)
                .filter(actor::equals)
                .isPresent();
    }
}
