package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientContact;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.application.port.RecipientPreferences;
import com.clinic.notifications.application.port.RecipientPreferences.Preferences;
import com.clinic.notifications.application.port.SmsGateway;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.notifications.domain.QuietHours;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import com.clinic.platform.application.axon.Commands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * Turns "tell this person this" into notifications: one in the recipient's in-app inbox when they
 * have a login, and one on the channels they chose for the category (in their order, fail-over
 * after fail-over), within their consents and outside their quiet hours unless it is urgent. Ids
 * come from the cause and the template, so the same cause asked again is the same notification and
 * records nothing (a redelivered event never sends twice), and a cause's notifications can be
 * cancelled without looking them up.
 */
@Service
public class NotificationRequests {

    /**
     * @param source what caused it, stable across redeliveries (an event id; for reminders the
     *     appointment, its start and the rule, so a move can cancel exactly those)
     */
    public record Message(
            String template,
            Category category,
            Urgency urgency,
            Recipient recipient,
            Optional<UUID> clinicId,
            Optional<UUID> about,
            Map<String, Value> parameters,
            Instant dueAt,
            Optional<Instant> expiresAt,
            String source) {
        public Message {
            parameters = Map.copyOf(parameters);
        }
    }

    private static final String IN_APP_LANE = "in-app";
    private static final String OUT_LANE = "out";

    private final Commands commands;
    private final EventStore events;
    private final MessageContent content;
    private final RecipientPreferences preferences;
    private final DirectoryFacts directory;
    private final PushMessages push;
    private final EmailMessages email;
    private final SmsGateway sms;
    private final NotificationSettings settings;
    private final Clock clock;

    public NotificationRequests(
            Commands commands,
            EventStore events,
            MessageContent content,
            RecipientPreferences preferences,
            DirectoryFacts directory,
            PushMessages push,
            EmailMessages email,
            SmsGateway sms,
            NotificationSettings settings,
            Clock clock) {
        this.commands = commands;
        this.events = events;
        this.content = content;
        this.preferences = preferences;
        this.directory = directory;
        this.push = push;
        this.email = email;
        this.sms = sms;
        this.settings = settings;
        this.clock = clock;
    }

    /** A name in both languages, or an empty text when neither is known (a record erased meanwhile). */
    public static Value name(String ar, String en) {
        boolean none = (ar == null || ar.isBlank()) && (en == null || en.isBlank());
        return none ? new Value.Text("") : new Value.Name(ar, en);
    }

    public static UUID idOf(String source, String template, String lane) {
        return UUID.nameUUIDFromBytes((source + "|" + template + "|" + lane).getBytes(StandardCharsets.UTF_8));
    }

    /** Requests the message in the caller's unit of work: it exists exactly when the cause commits. */
    public void request(Message message) {
        request(message, true);
    }

    /** As {@link #request(Message)}, without the in-app copy (the recipient cannot sign in to read it). */
    public void requestOutOnly(Message message) {
        request(message, false);
    }

    private void request(Message message, boolean inApp) {
        Instant now = clock.instant();
        var sealed = content.seal(message.recipient().subjectId(), message.parameters());
        Optional<Preferences> chosen = message.recipient().userId().flatMap(preferences::find);
        if (inApp && message.recipient().userId().isPresent()) {
            commands.send(command(message, IN_APP_LANE, List.of(Channel.IN_APP), message.dueAt(), sealed, now));
        }
        Instant dueAt = message.dueAt();
        boolean mayWait = message.urgency() == Urgency.NORMAL && message.category() != Category.ACCOUNT;
        if (mayWait) {
            Optional<QuietHours> quiet = chosen.flatMap(Preferences::quietHours)
                    .map(window -> new QuietHours(window.from(), window.until(), window.zone()));
            dueAt = quiet.map(q -> q.nextAllowed(message.dueAt())).orElse(message.dueAt());
            if (message.expiresAt()
                    .filter(expiry -> !message.dueAt().isBefore(expiry))
                    .isPresent()) {
                dueAt = message.dueAt();
            }
        }
        commands.send(command(message, OUT_LANE, outChannels(message, chosen), dueAt, sealed, now));
    }

    /** Cancels what a cause requested and has not sent yet; unknown ones are skipped. */
    public void cancel(String source, String template, String reason) {
        Instant now = clock.instant();
        for (String lane : List.of(IN_APP_LANE, OUT_LANE)) {
            UUID id = idOf(source, template, lane);
            // Never requested (no login, or the cause was older than the rule): nothing to cancel.
            // Asked first rather than caught: a refused command nested in the caller's unit of work
            // would mark the caller's whole transaction for rollback.
            if (events.lastSequenceNumberFor(id.toString()).isPresent()) {
                commands.send(new NotificationCommand.Cancel(id, reason, now));
            }
        }
    }

    private NotificationCommand.Request command(
            Message message,
            String lane,
            List<Channel> channels,
            Instant dueAt,
            com.clinic.platform.domain.Ciphertext sealed,
            Instant now) {
        return new NotificationCommand.Request(
                idOf(message.source(), message.template(), lane),
                message.template(),
                message.category(),
                message.urgency(),
                message.recipient(),
                message.clinicId(),
                message.about(),
                channels,
                sealed,
                dueAt,
                message.expiresAt(),
                message.source(),
                now);
    }

    /** The recipient's order for the category (or the default), within consent and what can send now. */
    List<Channel> outChannels(Message message, Optional<Preferences> chosen) {
        Category category = message.category();
        List<Channel> wanted = chosen.map(p -> p.channels().get(category))
                .filter(list -> category != Category.ACCOUNT || !list.isEmpty())
                .orElse(settings.defaultChannels().get(category));
        Optional<PatientContact> contact = message.recipient().patientId().flatMap(directory::contact);
        boolean consented =
                switch (category) {
                    case REMINDERS ->
                        contact.map(PatientContact::remindersConsent).orElse(true);
                    case MARKETING ->
                        contact.map(PatientContact::marketingConsent).orElse(false);
                    default -> true;
                };
        if (!consented) {
            return List.of();
        }
        List<Channel> channels = new ArrayList<>();
        for (Channel channel : wanted) {
            if (channel != Channel.IN_APP && available(channel) && !channels.contains(channel)) {
                channels.add(channel);
            }
        }
        return channels;
    }

    private boolean available(Channel channel) {
        return switch (channel) {
            case PUSH -> push.status().available();
            case EMAIL -> email.status().available();
            case SMS -> sms.status().available();
            case IN_APP -> true;
        };
    }
}
