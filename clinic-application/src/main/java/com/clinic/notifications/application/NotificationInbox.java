package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.port.InAppInbox;
import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.notifications.domain.NotificationCommand;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.application.axon.Commands;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

/**
 * A user's own in-app notifications: nobody reads or marks anyone else's (every query is keyed by
 * the caller's user id, ADR 0019).
 */
@Service
public class NotificationInbox {

    /** A page of notices and the language the reader chose, if any (otherwise the request decides). */
    public record Inbox(Page<InAppNotificationView> page, Optional<String> preferredLanguage) {}

    /** What a live client shows: how many are unread and the newest notice, if any. */
    public record Summary(long unread, Optional<InAppNotificationView> newest, Optional<String> preferredLanguage) {}

    private final InAppInbox inbox;
    private final DirectoryFacts directory;
    private final Commands commands;
    private final Clock clock;

    public NotificationInbox(InAppInbox inbox, DirectoryFacts directory, Commands commands, Clock clock) {
        this.inbox = inbox;
        this.directory = directory;
        this.commands = commands;
        this.clock = clock;
    }

    public Inbox list(Actor actor, boolean unreadOnly, PageRequest page) {
        return new Inbox(inbox.list(actor.userId(), unreadOnly, page), preferredLanguage(actor.userId()));
    }

    public long unreadCount(Actor actor) {
        return inbox.unreadCount(actor.userId());
    }

    public Summary summary(Actor actor) {
        Optional<InAppNotificationView> newest =
                inbox.list(actor.userId(), false, PageRequest.first(1)).items().stream()
                        .findFirst();
        return new Summary(inbox.unreadCount(actor.userId()), newest, preferredLanguage(actor.userId()));
    }

    /** The language the caller chose, if any (otherwise their request decides). */
    public Optional<String> preferredLanguage(Actor actor) {
        return preferredLanguage(actor.userId());
    }

    /** Known for patients only; staff are answered in the language of their request. */
    private Optional<String> preferredLanguage(UUID userId) {
        return directory
                .patientOfUser(userId)
                .map(PatientFacts::preferredLanguage)
                .filter(language -> !language.isBlank());
    }

    /**
     * Marks the caller's notice read, then tells the notification it was read, so its history says
     * so. Notices stored before notifications had a life of their own have no notification behind
     * them; they are simply read. Asking again is safe: the first read time is kept and the
     * notification records one read.
     */
    public void markRead(Actor actor, UUID notificationId) {
        Instant now = clock.instant();
        if (!inbox.markRead(notificationId, actor.userId(), now)) {
            throw new Rejection.NotFound("notification.not-found");
        }
        try {
            commands.send(new NotificationCommand.MarkRead(notificationId, now));
        } catch (Rejection.NotFound | AggregateNotFoundException noNotificationBehindIt) {
            // An older notice, stored before notifications were event-sourced: nothing else to tell.
        }
    }
}
