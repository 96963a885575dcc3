package com.clinic.notifications.application;

import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.notifications.domain.NotificationCommand.Cancel;
import com.clinic.notifications.domain.NotificationCommand.Defer;
import com.clinic.notifications.domain.NotificationCommand.MarkRead;
import com.clinic.notifications.domain.NotificationCommand.RecordAttempt;
import com.clinic.notifications.domain.NotificationCommand.RecordReport;
import com.clinic.notifications.domain.NotificationCommand.Redrive;
import com.clinic.notifications.domain.NotificationCommand.Render;
import com.clinic.notifications.domain.NotificationCommand.Request;
import com.clinic.notifications.domain.NotificationCommand.Suppress;
import com.clinic.notifications.domain.NotificationCommand.Wake;
import com.clinic.notifications.domain.NotificationDecider;
import com.clinic.notifications.domain.NotificationEvent;
import com.clinic.notifications.domain.NotificationEvent.DeliveryDeferred;
import com.clinic.notifications.domain.NotificationEvent.NotificationScheduled;
import com.clinic.notifications.domain.NotificationEvent.RetryScheduled;
import com.clinic.notifications.domain.NotificationState;
import com.clinic.platform.application.axon.ClinicCommandTargetResolver;
import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.domain.Decider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Event-sourced notification; all decisions are the decider's. Its own work is time: every event
 * that waits (a reminder's time, a retry's backoff, a provider's rate limit) gets a durable deadline
 * on db-scheduler, in the command's transaction, whose firing is the decider's {@link Wake}; a
 * stale one (the message was cancelled or moved on) changes nothing.
 */
@Aggregate(commandTargetResolver = ClinicCommandTargetResolver.BEAN_NAME)
public class NotificationAggregate extends DeciderAggregate<NotificationCommand, NotificationEvent, NotificationState> {

    static final String WAKE = "notification-wake";

    private static final NotificationDecider DECIDER = new NotificationDecider();

    /** What a deadline carries: which message, and the instant it was set for. */
    public record WakeUp(UUID notificationId, Instant wakeAt) {}

    public NotificationAggregate() {}

    @Override
    protected Decider<NotificationCommand, NotificationEvent, NotificationState> decider() {
        return DECIDER;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Request command, DeadlineManager deadlines) {
        schedule(decide(command), deadlines);
    }

    /**
     * Answers whether the attempt goes ahead. A refusal (cancelled meanwhile) is answered, not
     * thrown: thrown from a command nested in the dispatcher's unit of work, it would mark that
     * whole transaction for rollback.
     */
    @CommandHandler
    Boolean handle(Render command) {
        try {
            decide(command);
            return true;
        } catch (com.clinic.platform.domain.Rejection.Conflict notDue) {
            return false;
        }
    }

    @CommandHandler
    void handle(RecordAttempt command, DeadlineManager deadlines) {
        schedule(decide(command), deadlines);
    }

    @CommandHandler
    void handle(Defer command, DeadlineManager deadlines) {
        schedule(decide(command), deadlines);
    }

    @CommandHandler
    void handle(RecordReport command) {
        decide(command);
    }

    @CommandHandler
    void handle(MarkRead command) {
        decide(command);
    }

    @CommandHandler
    void handle(Cancel command) {
        decide(command);
    }

    @CommandHandler
    void handle(Suppress command) {
        decide(command);
    }

    @CommandHandler
    void handle(Redrive command) {
        decide(command);
    }

    @CommandHandler
    void handle(NotificationCommand.Abandon command) {
        decide(command);
    }

    @CommandHandler
    void handle(Wake command) {
        decide(command);
    }

    @DeadlineHandler(deadlineName = WAKE)
    void onWake(WakeUp wakeUp, Clock clock) {
        decide(new Wake(wakeUp.notificationId(), wakeUp.wakeAt(), clock.instant()));
    }

    private static void schedule(List<NotificationEvent> events, DeadlineManager deadlines) {
        for (NotificationEvent event : events) {
            Instant wakeAt =
                    switch (event) {
                        case NotificationScheduled scheduled -> scheduled.dueAt();
                        case RetryScheduled retry -> retry.retryAt();
                        case DeliveryDeferred deferred -> deferred.until();
                        default -> null;
                    };
            if (wakeAt != null) {
                deadlines.schedule(wakeAt, WAKE, new WakeUp(event.notificationId(), wakeAt));
            }
        }
    }
}
