package com.clinic.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.notifications.application.MessageContent;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.AttemptOutcome;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.DeliveryPolicy;
import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.application.context.ReadModelBarrier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;

/**
 * Notifications made the way the write side makes them, by its commands on the real bus, so every
 * consumer (the history projection, the dispatcher) sees them as it would in production. The steps a
 * dispatcher would take (render, record the provider's answer) are taken here with the dispatch
 * processor stopped, so what it would do at the same time never mixes in; when it starts again it
 * finds those attempts already made and does nothing.
 */
public final class GivenNotifications {

    private static final String DISPATCH = "notifications-dispatch";
    private static final DeliveryPolicy ONE_TRY = new DeliveryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));

    private final Commands commands;
    private final MessageContent content;
    private final Clock clock;
    private final ReadModelBarrier readModels;
    private final StreamingEventProcessor dispatcher;

    public GivenNotifications(ApplicationContext context) {
        this.commands = context.getBean(Commands.class);
        this.content = context.getBean(MessageContent.class);
        this.clock = context.getBean(Clock.class);
        this.readModels = context.getBean(ReadModelBarrier.class);
        this.dispatcher = context.getBean(EventProcessingConfiguration.class)
                .eventProcessorByProcessingGroup(DISPATCH, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor runs " + DISPATCH));
    }

    /** A reminder for a patient of a clinic, due in a week: it waits, nothing is sent in the test. */
    public UUID scheduled(UUID patientId, Optional<UUID> userId, UUID clinicId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        commands.send(
                request(id, patientId, userId, clinicId, List.of(Channel.SMS), now.plus(Duration.ofDays(7)), now));
        settle();
        return id;
    }

    /** An SMS to the patient that the provider refused, on its only channel: dead-lettered. */
    public UUID deadLettered(UUID patientId, Optional<UUID> userId, UUID clinicId) {
        UUID id = UUID.randomUUID();
        withoutDispatcher(() -> {
            Instant now = clock.instant();
            commands.send(request(id, patientId, userId, clinicId, List.of(Channel.SMS), now, now));
            commands.send(new NotificationCommand.Render(id, Channel.SMS, 1, "ar", Optional.empty(), now));
            commands.send(new NotificationCommand.RecordAttempt(
                    id,
                    Channel.SMS,
                    1,
                    "test-sms",
                    AttemptOutcome.REJECTED,
                    Optional.empty(),
                    "400 21211 invalid 'To' number",
                    Duration.ofMillis(87),
                    Optional.empty(),
                    ONE_TRY,
                    0.5,
                    now));
        });
        settle();
        return id;
    }

    /** An in-app notification the inbox took (the row itself is the caller's to store). */
    public UUID sentInApp(UUID userId, UUID clinicId) {
        UUID id = UUID.randomUUID();
        withoutDispatcher(() -> {
            Instant now = clock.instant();
            commands.send(new NotificationCommand.Request(
                    id,
                    "appointment.booked",
                    Category.APPOINTMENTS,
                    Urgency.NORMAL,
                    Recipient.account(userId),
                    Optional.of(clinicId),
                    Optional.empty(),
                    List.of(Channel.IN_APP),
                    content.seal(userId, Map.of("start", new Value.Time(now))),
                    now,
                    Optional.empty(),
                    "test-" + id,
                    now));
            commands.send(new NotificationCommand.Render(id, Channel.IN_APP, 1, "en", Optional.empty(), now));
            commands.send(new NotificationCommand.RecordAttempt(
                    id,
                    Channel.IN_APP,
                    1,
                    "inbox",
                    AttemptOutcome.ACCEPTED,
                    Optional.of(id.toString()),
                    "stored",
                    Duration.ZERO,
                    Optional.empty(),
                    ONE_TRY,
                    0.5,
                    now));
        });
        settle();
        return id;
    }

    /** Runs {@code steps} while the dispatch processor is stopped, so they are the only ones taken. */
    public void withoutDispatcher(Runnable steps) {
        dispatcher.shutDown();
        try {
            steps.run();
        } finally {
            dispatcher.start();
        }
    }

    /** Every projection has seen what was stored so far. */
    public void settle() {
        await().atMost(Duration.ofSeconds(15)).until(() -> readModels.awaitCaughtUp(Duration.ofSeconds(5)));
        assertThat(dispatcher.isRunning()).isTrue();
    }

    private NotificationCommand.Request request(
            UUID id,
            UUID patientId,
            Optional<UUID> userId,
            UUID clinicId,
            List<Channel> channels,
            Instant dueAt,
            Instant now) {
        return new NotificationCommand.Request(
                id,
                "appointment.reminder",
                Category.REMINDERS,
                Urgency.NORMAL,
                Recipient.patient(patientId, userId),
                Optional.of(clinicId),
                Optional.of(UUID.randomUUID()),
                channels,
                content.seal(patientId, Map.of("start", new Value.Time(dueAt))),
                dueAt,
                Optional.empty(),
                "test-" + id,
                now);
    }
}
