package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.port.NotificationReadModel;
import com.clinic.notifications.application.port.NotificationReadModel.NotificationSummary;
import com.clinic.notifications.application.port.NotificationReadModel.StateCount;
import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.access.Operation;
import com.clinic.platform.application.access.Reach;
import com.clinic.platform.application.access.Target;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What was sent, as staff and patients see it: a patient's notifications with every attempt, counts
 * by state and channel, the dead letters, and sending a dead letter again. Listings of a clinic are
 * scoped by the caller's reach: a manager sees their own clinic, administrators (and, for counts,
 * auditors) any one, or all when they name none.
 */
@Service
public class NotificationHistory {

    /** The longest period counts are asked for at once. */
    static final Duration LONGEST_COUNT = Duration.ofDays(366);

    /** What counts were asked for, and what they are. */
    public record Counts(Optional<UUID> clinicId, Instant from, Instant to, List<StateCount> counts) {}

    private final NotificationReadModel notifications;
    private final DirectoryFacts directory;
    private final AccessPolicy access;
    private final Commands commands;
    private final Clock clock;

    NotificationHistory(
            NotificationReadModel notifications,
            DirectoryFacts directory,
            AccessPolicy access,
            Commands commands,
            Clock clock) {
        this.notifications = notifications;
        this.directory = directory;
        this.access = access;
        this.commands = commands;
        this.clock = clock;
    }

    /** Newest first; for the patient themself and for staff who may open the patient's record. */
    public Page<NotificationSummary> ofPatient(Actor actor, UUID patientId, PageRequest page) {
        access.requireRole(actor, NotificationOperation.VIEW_PATIENT_NOTIFICATIONS);
        PatientFacts patient =
                directory.patient(patientId).orElseThrow(() -> new Rejection.NotFound("patient.not-found"));
        access.require(
                actor,
                NotificationOperation.VIEW_PATIENT_NOTIFICATIONS,
                Target.branch(patient.clinicId(), patient.homeBranchId()).ofPatient(patientId));
        return notifications.ofPatient(patientId, page);
    }

    /** Notifications requested in [from, to), by state and channel. */
    public Counts counts(Actor actor, Optional<UUID> clinicId, Instant from, Instant to) {
        Reach reach = access.requireRole(actor, NotificationOperation.COUNT_NOTIFICATIONS);
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_COUNT) > 0) {
            throw new Rejection.RuleViolated("notification.counts-range-invalid", LONGEST_COUNT.toDays());
        }
        Optional<UUID> clinic = scope(actor, NotificationOperation.COUNT_NOTIFICATIONS, reach, clinicId);
        return new Counts(clinic, from, to, notifications.counts(clinic, from, to));
    }

    /** Oldest first: the ones waiting longest come first. */
    public Page<NotificationSummary> deadLetters(Actor actor, Optional<UUID> clinicId, PageRequest page) {
        Reach reach = access.requireRole(actor, NotificationOperation.LIST_DEAD_LETTERS);
        return notifications.deadLettered(scope(actor, NotificationOperation.LIST_DEAD_LETTERS, reach, clinicId), page);
    }

    /**
     * Sends a dead-lettered notification again from its first channel, recording who asked. A
     * notification that is not dead-lettered (any more) is refused by the aggregate with 409.
     */
    public void redrive(Actor actor, UUID notificationId) {
        access.requireRole(actor, NotificationOperation.REDRIVE_NOTIFICATION);
        NotificationSummary notification =
                notifications.find(notificationId).orElseThrow(() -> new Rejection.NotFound("notification.not-found"));
        access.require(
                actor,
                NotificationOperation.REDRIVE_NOTIFICATION,
                new Target(notification.clinicId(), Optional.empty(), Optional.empty(), Optional.empty()));
        commands.send(new NotificationCommand.Redrive(notificationId, actor.userId(), clock.instant()));
    }

    /** The clinic a listing is about: the one named (if in reach), else all or the caller's own. */
    private Optional<UUID> scope(Actor actor, Operation operation, Reach reach, Optional<UUID> clinicId) {
        if (clinicId.isPresent()) {
            access.require(actor, operation, Target.clinic(clinicId.get()));
            return clinicId;
        }
        if (reach == Reach.ANYWHERE) {
            return Optional.empty();
        }
        return Optional.of(actor.clinicId()
                .orElseThrow(() -> new AccessRefused(operation.name(), actor.role() + " has no clinic")));
    }
}
