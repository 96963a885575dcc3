package com.clinic.notifications.application;

import com.clinic.directory.DirectoryFacts;
import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.notifications.application.port.InAppInbox;
import com.clinic.notifications.application.port.InAppNotificationView;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A user's own in-app notifications: nobody reads or marks anyone else's. */
@Service
public class NotificationInbox {

    /** A page of notices and the language the reader chose, if any (otherwise the request decides). */
    public record Inbox(Page<InAppNotificationView> page, Optional<String> preferredLanguage) {}

    private final InAppInbox inbox;
    private final DirectoryFacts directory;
    private final Clock clock;

    public NotificationInbox(InAppInbox inbox, DirectoryFacts directory, Clock clock) {
        this.inbox = inbox;
        this.directory = directory;
        this.clock = clock;
    }

    public Inbox list(Actor actor, boolean unreadOnly, PageRequest page) {
        return new Inbox(inbox.list(actor.userId(), unreadOnly, page), preferredLanguage(actor.userId()));
    }

    /** Known for patients only; staff are answered in the language of their request. */
    private Optional<String> preferredLanguage(UUID userId) {
        return directory
                .patientOfUser(userId)
                .map(PatientFacts::preferredLanguage)
                .filter(language -> !language.isBlank());
    }

    public void markRead(Actor actor, UUID notificationId) {
        if (!inbox.markRead(notificationId, actor.userId(), clock.instant())) {
            throw new Rejection.NotFound("notification.not-found");
        }
    }
}
