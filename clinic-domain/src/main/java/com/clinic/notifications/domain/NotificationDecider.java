package com.clinic.notifications.domain;

import com.clinic.notifications.domain.NotificationCommand.Abandon;
import com.clinic.notifications.domain.NotificationCommand.Cancel;
import com.clinic.notifications.domain.NotificationCommand.Defer;
import com.clinic.notifications.domain.NotificationCommand.MarkRead;
import com.clinic.notifications.domain.NotificationCommand.RecordAttempt;
import com.clinic.notifications.domain.NotificationCommand.RecordReport;
import com.clinic.notifications.domain.NotificationCommand.Redrive;
import com.clinic.notifications.domain.NotificationCommand.Render;
import com.clinic.notifications.domain.NotificationCommand.ReportedStatus;
import com.clinic.notifications.domain.NotificationCommand.Request;
import com.clinic.notifications.domain.NotificationCommand.Suppress;
import com.clinic.notifications.domain.NotificationCommand.Wake;
import com.clinic.notifications.domain.NotificationEvent.ChannelFailedOver;
import com.clinic.notifications.domain.NotificationEvent.DeliveryAttempted;
import com.clinic.notifications.domain.NotificationEvent.DeliveryDeferred;
import com.clinic.notifications.domain.NotificationEvent.DeliveryFailed;
import com.clinic.notifications.domain.NotificationEvent.NotificationCancelled;
import com.clinic.notifications.domain.NotificationEvent.NotificationDeadLettered;
import com.clinic.notifications.domain.NotificationEvent.NotificationDelivered;
import com.clinic.notifications.domain.NotificationEvent.NotificationDue;
import com.clinic.notifications.domain.NotificationEvent.NotificationLapsed;
import com.clinic.notifications.domain.NotificationEvent.NotificationRead;
import com.clinic.notifications.domain.NotificationEvent.NotificationRedriven;
import com.clinic.notifications.domain.NotificationEvent.NotificationRendered;
import com.clinic.notifications.domain.NotificationEvent.NotificationRequested;
import com.clinic.notifications.domain.NotificationEvent.NotificationScheduled;
import com.clinic.notifications.domain.NotificationEvent.NotificationSent;
import com.clinic.notifications.domain.NotificationEvent.NotificationSuppressed;
import com.clinic.notifications.domain.NotificationEvent.RetryScheduled;
import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message's delivery: the first channel that works, each tried up to the policy's attempts with
 * backoff, then the next one; dead-lettered when none is left. Repeated commands (a redelivered
 * event, a timer that fired twice, a provider report sent again) record nothing new, which is what
 * makes every step safe to retry.
 */
public final class NotificationDecider implements Decider<NotificationCommand, NotificationEvent, NotificationState> {

    @Override
    public NotificationState initialState() {
        return NotificationState.none();
    }

    @Override
    public List<NotificationEvent> decide(NotificationCommand command, NotificationState state) {
        if (!(command instanceof Request) && !state.exists()) {
            throw new Rejection.NotFound("notification.not-found");
        }
        return switch (command) {
            case Request request -> request(request, state);
            case Wake wake -> wake(wake, state);
            case Render render -> render(render, state);
            case RecordAttempt attempt -> recordAttempt(attempt, state);
            case Defer defer -> defer(defer, state);
            case RecordReport report -> report(report, state);
            case MarkRead read -> markRead(read, state);
            case Cancel cancel ->
                state.status().finished()
                        ? List.of()
                        : List.of(new NotificationCancelled(cancel.notificationId(), cancel.reason(), cancel.at()));
            case Suppress suppress ->
                state.status() == NotificationStatus.DUE
                        ? List.of(
                                new NotificationSuppressed(suppress.notificationId(), suppress.reason(), suppress.at()))
                        : List.of();
            case Redrive redrive -> redrive(redrive, state);
            case Abandon abandon ->
                state.status() == NotificationStatus.DUE || state.status() == NotificationStatus.IN_FLIGHT
                        ? List.of(
                                new NotificationDeadLettered(abandon.notificationId(), abandon.reason(), abandon.at()))
                        : List.of();
        };
    }

    private static List<NotificationEvent> request(Request request, NotificationState state) {
        if (state.exists()) {
            return List.of();
        }
        List<NotificationEvent> events = new ArrayList<>();
        events.add(new NotificationRequested(
                request.notificationId(),
                request.template(),
                request.category(),
                request.urgency(),
                request.recipient(),
                request.clinicId(),
                request.about(),
                request.channels(),
                request.content(),
                request.dueAt(),
                request.expiresAt(),
                request.source(),
                request.at()));
        if (request.channels().isEmpty()) {
            events.add(new NotificationSuppressed(request.notificationId(), "no-channel", request.at()));
        } else if (request.expiresAt()
                .filter(expiry -> !expiry.isAfter(request.at()))
                .isPresent()) {
            events.add(new NotificationLapsed(request.notificationId(), request.at()));
        } else if (request.dueAt().isAfter(request.at())) {
            events.add(new NotificationScheduled(request.notificationId(), request.dueAt(), request.at()));
        } else {
            events.add(new NotificationDue(
                    request.notificationId(), request.channels().getFirst(), 1, request.at()));
        }
        return events;
    }

    private static List<NotificationEvent> wake(Wake wake, NotificationState state) {
        boolean waiting =
                state.status() == NotificationStatus.SCHEDULED || state.status() == NotificationStatus.WAITING;
        if (!waiting || !state.wakeAt().equals(Optional.of(wake.wakeAt()))) {
            return List.of();
        }
        if (expired(state, wake.at())) {
            return List.of(new NotificationLapsed(wake.notificationId(), wake.at()));
        }
        return List.of(
                new NotificationDue(wake.notificationId(), state.channel(), Math.max(1, state.attempt()), wake.at()));
    }

    private static List<NotificationEvent> render(Render render, NotificationState state) {
        boolean thisAttempt =
                state.exists() && state.channel() == render.channel() && state.attempt() == render.attempt();
        if (thisAttempt && state.status() == NotificationStatus.IN_FLIGHT) {
            // Rendered before and the answer never recorded (the sender stopped): the same attempt
            // goes out again under the same idempotency key.
            return List.of();
        }
        if (!thisAttempt || state.status() != NotificationStatus.DUE) {
            throw new Rejection.Conflict("notification.not-due");
        }
        if (expired(state, render.at())) {
            throw new Rejection.Conflict("notification.not-due");
        }
        return List.of(new NotificationRendered(
                render.notificationId(),
                render.channel(),
                render.attempt(),
                render.language(),
                render.fellBackFrom(),
                render.at()));
    }

    private static List<NotificationEvent> recordAttempt(RecordAttempt attempt, NotificationState state) {
        boolean current = state.channel() == attempt.channel() && state.attempt() == attempt.attempt();
        if (!current || state.lastRecordedAttempt() >= attempt.attempt()) {
            return List.of();
        }
        List<NotificationEvent> events = new ArrayList<>();
        events.add(new DeliveryAttempted(
                attempt.notificationId(),
                attempt.channel(),
                attempt.attempt(),
                attempt.provider(),
                attempt.outcome(),
                attempt.providerMessageId(),
                attempt.answer(),
                attempt.latency().toMillis(),
                attempt.at()));
        if (state.status() != NotificationStatus.IN_FLIGHT) {
            // Cancelled while the provider was being called: the attempt is history, nothing follows.
            return events;
        }
        switch (attempt.outcome()) {
            case ACCEPTED ->
                events.add(new NotificationSent(
                        attempt.notificationId(),
                        attempt.channel(),
                        attempt.provider(),
                        attempt.providerMessageId(),
                        attempt.at()));
            case TRANSIENT -> {
                Instant retryAt = attempt.at()
                        .plus(attempt.policy().retryDelay(attempt.attempt(), attempt.jitter(), attempt.retryAfter()));
                boolean inTime = state.expiresAt()
                        .filter(expiry -> !retryAt.isBefore(expiry))
                        .isEmpty();
                if (attempt.attempt() < attempt.policy().maxAttempts() && inTime) {
                    events.add(new RetryScheduled(
                            attempt.notificationId(), attempt.channel(), attempt.attempt() + 1, retryAt, attempt.at()));
                } else {
                    events.addAll(failOver(state, attempt.notificationId(), "attempts-exhausted", attempt.at()));
                }
            }
            case REJECTED, UNREACHABLE ->
                events.addAll(failOver(
                        state,
                        attempt.notificationId(),
                        attempt.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        attempt.at()));
        }
        return events;
    }

    private static List<NotificationEvent> defer(Defer defer, NotificationState state) {
        boolean current = state.channel() == defer.channel() && state.attempt() == defer.attempt();
        if (!current || state.status() != NotificationStatus.IN_FLIGHT) {
            return List.of();
        }
        return List.of(new DeliveryDeferred(
                defer.notificationId(), defer.channel(), defer.attempt(), defer.until(), defer.reason(), defer.at()));
    }

    private static List<NotificationEvent> report(RecordReport report, NotificationState state) {
        boolean sentHere = state.channel() == report.channel()
                && (state.status() == NotificationStatus.SENT
                        || state.status() == NotificationStatus.DELIVERED
                        || state.status() == NotificationStatus.READ);
        if (!sentHere) {
            return List.of();
        }
        if (report.status() == ReportedStatus.DELIVERED) {
            return state.status() == NotificationStatus.SENT
                    ? List.of(new NotificationDelivered(report.notificationId(), report.channel(), report.at()))
                    : List.of();
        }
        List<NotificationEvent> events = new ArrayList<>();
        events.add(new DeliveryFailed(
                report.notificationId(), report.channel(), report.status(), report.detail(), report.at()));
        if (report.status() == ReportedStatus.SPAM_REPORTED) {
            // The recipient complained: nothing more goes to them about it, on any channel.
            return events;
        }
        if (expired(state, report.at())) {
            events.add(new NotificationLapsed(report.notificationId(), report.at()));
            return events;
        }
        events.addAll(failOver(
                state,
                report.notificationId(),
                report.status().name().toLowerCase(java.util.Locale.ROOT),
                report.at()));
        return events;
    }

    private static List<NotificationEvent> markRead(MarkRead read, NotificationState state) {
        boolean shown = state.channel() == Channel.IN_APP
                && (state.status() == NotificationStatus.SENT || state.status() == NotificationStatus.DELIVERED);
        return shown ? List.of(new NotificationRead(read.notificationId(), read.at())) : List.of();
    }

    private static List<NotificationEvent> redrive(Redrive redrive, NotificationState state) {
        if (state.status() != NotificationStatus.DEAD_LETTERED) {
            throw new Rejection.Conflict("notification.not-dead-lettered");
        }
        if (expired(state, redrive.at())) {
            throw new Rejection.Conflict("notification.expired");
        }
        return List.of(
                new NotificationRedriven(redrive.notificationId(), redrive.by(), redrive.at()),
                new NotificationDue(redrive.notificationId(), state.channels().getFirst(), 1, redrive.at()));
    }

    private static List<NotificationEvent> failOver(
            NotificationState state, java.util.UUID notificationId, String reason, Instant at) {
        return state.nextChannel()
                .<List<NotificationEvent>>map(next -> List.of(
                        new ChannelFailedOver(notificationId, state.channel(), next, reason, at),
                        new NotificationDue(notificationId, next, 1, at)))
                .orElseGet(() -> List.of(new NotificationDeadLettered(notificationId, reason, at)));
    }

    private static boolean expired(NotificationState state, Instant at) {
        return state.expiresAt().filter(expiry -> !expiry.isAfter(at)).isPresent();
    }

    @Override
    public NotificationState evolve(NotificationState state, NotificationEvent event) {
        return switch (event) {
            case NotificationRequested requested ->
                new NotificationState(
                        NotificationStatus.DUE, requested.channels(), 0, 1, Optional.empty(), requested.expiresAt(), 0);
            case NotificationScheduled scheduled ->
                new NotificationState(
                        NotificationStatus.SCHEDULED,
                        state.channels(),
                        state.channelIndex(),
                        state.attempt(),
                        Optional.of(scheduled.dueAt()),
                        state.expiresAt(),
                        state.lastRecordedAttempt());
            case NotificationDue due -> {
                int index = state.channels().indexOf(due.channel());
                boolean sameChannel = index == state.channelIndex();
                yield new NotificationState(
                        NotificationStatus.DUE,
                        state.channels(),
                        index,
                        due.attempt(),
                        Optional.empty(),
                        state.expiresAt(),
                        sameChannel && due.attempt() > 1 ? state.lastRecordedAttempt() : 0);
            }
            case NotificationRendered rendered -> state.with(NotificationStatus.IN_FLIGHT);
            case DeliveryAttempted attempted ->
                new NotificationState(
                        state.status(),
                        state.channels(),
                        state.channelIndex(),
                        state.attempt(),
                        state.wakeAt(),
                        state.expiresAt(),
                        attempted.attempt());
            case NotificationSent sent -> state.with(NotificationStatus.SENT);
            case RetryScheduled retry ->
                new NotificationState(
                        NotificationStatus.WAITING,
                        state.channels(),
                        state.channelIndex(),
                        retry.attempt(),
                        Optional.of(retry.retryAt()),
                        state.expiresAt(),
                        state.lastRecordedAttempt());
            case DeliveryDeferred deferred ->
                new NotificationState(
                        NotificationStatus.WAITING,
                        state.channels(),
                        state.channelIndex(),
                        deferred.attempt(),
                        Optional.of(deferred.until()),
                        state.expiresAt(),
                        state.lastRecordedAttempt());
            case ChannelFailedOver failedOver -> state;
            case NotificationDelivered delivered -> state.with(NotificationStatus.DELIVERED);
            case DeliveryFailed failed -> state.with(NotificationStatus.FAILED);
            case NotificationRead read -> state.with(NotificationStatus.READ);
            case NotificationDeadLettered deadLettered -> state.with(NotificationStatus.DEAD_LETTERED);
            case NotificationRedriven redriven -> state;
            case NotificationCancelled cancelled -> state.with(NotificationStatus.CANCELLED);
            case NotificationSuppressed suppressed -> state.with(NotificationStatus.SUPPRESSED);
            case NotificationLapsed lapsed -> state.with(NotificationStatus.LAPSED);
        };
    }
}
