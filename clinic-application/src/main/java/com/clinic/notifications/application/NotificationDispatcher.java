package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientContact;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.port.DeliveryMetrics;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.application.port.InAppDelivery;
import com.clinic.notifications.application.port.OptOuts;
import com.clinic.notifications.application.port.PushDevices;
import com.clinic.notifications.application.port.PushDevices.Device;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.application.port.RecipientPreferences;
import com.clinic.notifications.application.port.RenderedText;
import com.clinic.notifications.application.port.SmsGateway;
import com.clinic.notifications.application.templates.MessageTemplates;
import com.clinic.notifications.application.templates.MessageTemplates.Rendered;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.AttemptOutcome;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.notifications.domain.NotificationEvent.NotificationDue;
import com.clinic.notifications.domain.NotificationEvent.NotificationRequested;
import com.clinic.notifications.domain.Urgency;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.application.axon.StandaloneCommands;
import com.clinic.scheduling.AppointmentStanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Makes each due attempt: checks the message still applies, renders it in the recipient's language,
 * records the rendering (from then on the attempt happens), calls the provider and records its
 * answer, which the decider turns into sent, a retry, a fail-over or a dead letter.
 *
 * <p>A tracking processor runs it, never replayed: with several instances each due attempt is made
 * on one of them. The rendering and the answer are standalone steps, committed before and after the
 * provider call, so a cancellation that commits first stops the message, and an answer is never
 * lost with a rolled-back batch. If the instance dies during the call, the event comes again, the
 * rendering is found in flight, and the same attempt goes out under the same idempotency key: the
 * one duplicate this allows is bounded by what each provider does with that key (ADR 0024). In-app
 * messages are rows of this database, written in the processor's own transaction with the answer,
 * exactly once.
 */
@Component
@DisallowReplay
@ProcessingGroup(NotificationDispatcher.PROCESSING_GROUP)
class NotificationDispatcher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationDispatcher.class);

    static final String PROCESSING_GROUP = "notifications-dispatch";

    /** Hidden parameters: where to send and how to show, sealed with the rest, never rendered. */
    static final String EMAIL = "_email";

    static final String PHONE = "_phone";
    static final String ZONE = "_zone";
    static final String LANGUAGE = "_language";

    /** Messages that must not go out for a time the patient no longer holds. */
    private static final Map<String, AppointmentStanding.Standing> BOUND_TO_HOLDING = Map.of(
            "appointment.reminder", AppointmentStanding.Standing.BOOKED,
            "appointment.hold-expiring", AppointmentStanding.Standing.HELD);

    private final EventStore events;
    private final Commands commands;
    private final StandaloneCommands standalone;
    private final MessageContent content;
    private final MessageTemplates templates;
    private final DirectoryFacts directory;
    private final AppointmentStanding appointments;
    private final RecipientPreferences preferences;
    private final PushDevices devices;
    private final OptOuts optOuts;
    private final AddressIndex addresses;
    private final UnsubscribeLinks unsubscribeLinks;
    private final PushMessages push;
    private final EmailMessages email;
    private final SmsGateway sms;
    private final InAppDelivery inbox;
    private final DeliveryMetrics metrics;
    private final NotificationSettings settings;
    private final Clock clock;
    private final RandomGenerator random;

    NotificationDispatcher(
            EventStore events,
            Commands commands,
            StandaloneCommands standalone,
            MessageContent content,
            MessageTemplates templates,
            DirectoryFacts directory,
            AppointmentStanding appointments,
            RecipientPreferences preferences,
            PushDevices devices,
            OptOuts optOuts,
            AddressIndex addresses,
            UnsubscribeLinks unsubscribeLinks,
            PushMessages push,
            EmailMessages email,
            SmsGateway sms,
            InAppDelivery inbox,
            DeliveryMetrics metrics,
            NotificationSettings settings,
            Clock clock) {
        this.events = events;
        this.commands = commands;
        this.standalone = standalone;
        this.content = content;
        this.templates = templates;
        this.directory = directory;
        this.appointments = appointments;
        this.preferences = preferences;
        this.devices = devices;
        this.optOuts = optOuts;
        this.addresses = addresses;
        this.unsubscribeLinks = unsubscribeLinks;
        this.push = push;
        this.email = email;
        this.sms = sms;
        this.inbox = inbox;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.random = RandomGenerator.getDefault();
    }

    @EventHandler
    void on(NotificationDue due) {
        NotificationRequested requested = requestOf(due.notificationId());
        Optional<Map<String, Value>> opened = content.open(requested.recipient().subjectId(), requested.content());
        if (opened.isEmpty()) {
            // The recipient was erased: their key is gone, and so is anything to say to them.
            step(due.channel(), new NotificationCommand.Suppress(due.notificationId(), "recipient-erased", now()));
            return;
        }
        Map<String, Value> parameters = opened.get();
        if (!stillApplies(requested, parameters)) {
            step(due.channel(), new NotificationCommand.Cancel(due.notificationId(), "appointment-changed", now()));
            return;
        }
        Language language = languageOf(requested, parameters);
        Rendered rendered;
        try {
            rendered = templates.render(new MessageTemplates.Request(
                    requested.template(),
                    due.channel(),
                    requested.clinicId(),
                    language.language(),
                    settings.defaultLanguage(),
                    language.zone(),
                    language.recipientZone(),
                    parameters));
        } catch (MessageTemplates.UnknownTemplate | IllegalArgumentException unrenderable) {
            log.error(
                    "Notification {} ({}) cannot be rendered: {}",
                    due.notificationId(),
                    requested.template(),
                    unrenderable.getMessage());
            step(due.channel(), new NotificationCommand.Abandon(due.notificationId(), "render-failed", now()));
            metrics.deadLettered(due.channel());
            return;
        }
        boolean goesAhead = this.<Boolean>ask(
                due.channel(),
                new NotificationCommand.Render(
                        due.notificationId(),
                        due.channel(),
                        due.attempt(),
                        rendered.language(),
                        rendered.fellBackFrom(),
                        now()));
        if (!goesAhead) {
            return; // cancelled or lapsed meanwhile
        }
        String key = due.notificationId() + ":" + due.channel().name().toLowerCase(Locale.ROOT);
        DeliveryOutcome outcome = send(due, requested, parameters, rendered, key);
        record(due, requested, outcome);
    }

    private boolean stillApplies(NotificationRequested requested, Map<String, Value> parameters) {
        AppointmentStanding.Standing needed = BOUND_TO_HOLDING.get(requested.template());
        if (needed == null || requested.about().isEmpty()) {
            return true;
        }
        Optional<Instant> start = Optional.ofNullable(parameters.get("start"))
                .filter(Value.Time.class::isInstance)
                .map(value -> ((Value.Time) value).value());
        return appointments
                .current(requested.about().get())
                .filter(holding -> holding.standing() == needed)
                .filter(holding -> start.isEmpty() || holding.start().equals(start.get()))
                .isPresent();
    }

    private DeliveryOutcome send(
            NotificationDue due,
            NotificationRequested requested,
            Map<String, Value> parameters,
            Rendered rendered,
            String key) {
        Optional<PatientContact> contact = requested.recipient().patientId().flatMap(directory::contact);
        return switch (due.channel()) {
            case IN_APP -> {
                inbox.send(InAppDelivery.Notice.rendered(
                        due.notificationId(),
                        requested.recipient().userId().orElseThrow(),
                        requested.template(),
                        new RenderedText(rendered.subject(), rendered.text(), rendered.language()),
                        requested.at()));
                yield new DeliveryOutcome.Accepted("inbox", due.notificationId().toString(), "stored", Duration.ZERO);
            }
            case PUSH -> sendPush(requested, rendered, key);
            case EMAIL -> {
                Optional<String> address = text(parameters, EMAIL).or(() -> contact.flatMap(PatientContact::email));
                if (address.isEmpty()) {
                    yield new DeliveryOutcome.Unreachable("none", "no-email-address", Duration.ZERO);
                }
                // An unsubscribed address still gets account messages (a reset link it asked for),
                // which carry no unsubscribe link; the provider's own suppressions still apply.
                String index = addresses.of(Channel.EMAIL, address.get());
                if (requested.category() != Category.ACCOUNT && optOuts.isOptedOut(Channel.EMAIL, index)) {
                    yield new DeliveryOutcome.Unreachable("none", "opted-out", Duration.ZERO);
                }
                yield email.send(new EmailMessages.EmailMessage(
                        key,
                        address.get(),
                        rendered.subject().orElse(""),
                        rendered.html().orElse(rendered.text()),
                        rendered.text(),
                        rendered.language(),
                        Map.of("notification_id", due.notificationId().toString(), "channel", "email"),
                        unsubscribeLinks.linkFor(index, requested.category())));
            }
            case SMS -> {
                Optional<String> phone = text(parameters, PHONE).or(() -> contact.flatMap(PatientContact::phoneE164));
                if (phone.isEmpty()) {
                    yield new DeliveryOutcome.Unreachable("none", "no-phone-number", Duration.ZERO);
                }
                if (optOuts.isOptedOut(Channel.SMS, addresses.of(Channel.SMS, phone.get()))) {
                    yield new DeliveryOutcome.Unreachable("none", "opted-out", Duration.ZERO);
                }
                yield sms.send(new SmsGateway.SmsMessage(
                        key,
                        phone.get(),
                        rendered.text(),
                        Optional.of(
                                settings.link("/api/v1/webhooks/sms/status?notification=" + due.notificationId()))));
            }
        };
    }

    /** One message per registered device; sent when any device took it, tokens FCM disowns forgotten. */
    private DeliveryOutcome sendPush(NotificationRequested requested, Rendered rendered, String key) {
        List<Device> targets =
                requested.recipient().userId().map(devices::devicesOf).orElse(List.of());
        if (targets.isEmpty()) {
            return new DeliveryOutcome.Unreachable("fcm", "no-device", Duration.ZERO);
        }
        DeliveryOutcome best = null;
        for (Device device : targets) {
            DeliveryOutcome outcome = push.send(new PushMessages.PushMessage(
                    key,
                    device.token(),
                    rendered.subject().orElse(""),
                    rendered.text(),
                    Map.of("notificationId", requested.notificationId().toString(), "template", requested.template()),
                    requested.urgency() == Urgency.URGENT));
            if (outcome instanceof DeliveryOutcome.Unreachable) {
                devices.forget(device.token());
            }
            best = better(best, outcome);
        }
        return best;
    }

    /** Accepted beats waiting, which beats failing: one device that took it is enough. */
    private static DeliveryOutcome better(DeliveryOutcome current, DeliveryOutcome next) {
        if (current == null) {
            return next;
        }
        return rank(next) < rank(current) ? next : current;
    }

    private static int rank(DeliveryOutcome outcome) {
        return switch (outcome) {
            case DeliveryOutcome.Accepted accepted -> 0;
            case DeliveryOutcome.Throttled throttled -> 1;
            case DeliveryOutcome.Transient failure -> 2;
            case DeliveryOutcome.Rejected rejected -> 3;
            case DeliveryOutcome.Unreachable unreachable -> 4;
        };
    }

    private void record(NotificationDue due, NotificationRequested requested, DeliveryOutcome outcome) {
        Instant now = now();
        if (outcome instanceof DeliveryOutcome.Throttled throttled) {
            metrics.throttled(due.channel());
            step(
                    due.channel(),
                    new NotificationCommand.Defer(
                            due.notificationId(),
                            due.channel(),
                            due.attempt(),
                            now.plus(throttled.retryAfter()),
                            "throttled",
                            now));
            return;
        }
        AttemptOutcome kind =
                switch (outcome) {
                    case DeliveryOutcome.Accepted accepted -> AttemptOutcome.ACCEPTED;
                    case DeliveryOutcome.Transient failure -> AttemptOutcome.TRANSIENT;
                    case DeliveryOutcome.Rejected rejected -> AttemptOutcome.REJECTED;
                    case DeliveryOutcome.Unreachable unreachable -> AttemptOutcome.UNREACHABLE;
                    case DeliveryOutcome.Throttled throttled -> throw new IllegalStateException();
                };
        Optional<String> messageId = outcome instanceof DeliveryOutcome.Accepted accepted
                ? Optional.of(accepted.providerMessageId())
                : Optional.empty();
        Optional<Duration> retryAfter =
                outcome instanceof DeliveryOutcome.Transient failure ? failure.retryAfter() : Optional.empty();
        metrics.attempted(due.channel(), outcome.provider(), kind, outcome.latency());
        step(
                due.channel(),
                new NotificationCommand.RecordAttempt(
                        due.notificationId(),
                        due.channel(),
                        due.attempt(),
                        outcome.provider(),
                        kind,
                        messageId,
                        outcome.answer(),
                        outcome.latency(),
                        retryAfter,
                        settings.delivery(),
                        random.nextDouble(),
                        now));
        if (kind == AttemptOutcome.ACCEPTED) {
            metrics.sent(due.channel(), Duration.between(due.at(), now));
        } else if (kind == AttemptOutcome.TRANSIENT
                && due.attempt() < settings.delivery().maxAttempts()) {
            metrics.retried(due.channel());
        }
        boolean lastChannel = requested.channels().indexOf(due.channel())
                == requested.channels().size() - 1;
        boolean exhausted = kind != AttemptOutcome.ACCEPTED
                && (kind != AttemptOutcome.TRANSIENT
                        || due.attempt() >= settings.delivery().maxAttempts());
        if (lastChannel && exhausted) {
            metrics.deadLettered(due.channel());
        }
    }

    /**
     * In-app steps join the processor's transaction (the row and its answer commit together); every
     * other step commits on its own, because a provider call sits between them.
     */
    private void step(Channel channel, NotificationCommand command) {
        this.<Object>ask(channel, command);
    }

    private <R> R ask(Channel channel, NotificationCommand command) {
        return channel == Channel.IN_APP ? commands.request(command) : standalone.request(command);
    }

    private NotificationRequested requestOf(UUID notificationId) {
        var stream = events.readEvents(notificationId.toString());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof NotificationRequested requested) {
                return requested;
            }
        }
        throw new IllegalStateException("notification " + notificationId + " has no request");
    }

    private record Language(String language, ZoneId zone, ZoneId recipientZone) {}

    private Language languageOf(NotificationRequested requested, Map<String, Value> parameters) {
        String language = text(parameters, LANGUAGE)
                .or(() -> requested
                        .recipient()
                        .patientId()
                        .flatMap(directory::patient)
                        .map(PatientFacts::preferredLanguage))
                .filter(l -> !l.isBlank())
                .orElse(settings.defaultLanguage());
        ZoneId zone = text(parameters, ZONE).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        ZoneId recipientZone = requested
                .recipient()
                .userId()
                .flatMap(preferences::find)
                .flatMap(RecipientPreferences.Preferences::quietHours)
                .map(RecipientPreferences.QuietWindow::zone)
                .orElse(zone);
        return new Language(language, zone, recipientZone);
    }

    private static Optional<String> text(Map<String, Value> parameters, String name) {
        return Optional.ofNullable(parameters.get(name))
                .filter(Value.Text.class::isInstance)
                .map(value -> ((Value.Text) value).value());
    }

    private Instant now() {
        return clock.instant();
    }
}
