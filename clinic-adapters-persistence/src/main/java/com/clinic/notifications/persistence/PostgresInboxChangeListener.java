package com.clinic.notifications.persistence;

import com.clinic.notifications.application.port.InboxChanges;
import com.clinic.platform.persistence.PostgresChannelListener;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each user id notified on {@value JooqInAppNotifications#CHANNEL} to the local subscribers,
 * whichever instance's transaction changed that user's inbox; after a reconnect they resynchronise.
 */
public final class PostgresInboxChangeListener extends PostgresChannelListener {

    public static final String CHANNEL = JooqInAppNotifications.CHANNEL;

    private static final Logger log = LoggerFactory.getLogger(PostgresInboxChangeListener.class);

    public PostgresInboxChangeListener(
            ListenConnections connections,
            Supplier<List<InboxChanges>> subscribers,
            Duration pollTimeout,
            String name) {
        super(connections, CHANNEL, new Dispatcher(subscribers), pollTimeout, name);
    }

    private record Dispatcher(Supplier<List<InboxChanges>> subscribers) implements Receiver {

        @Override
        public void received(String payload) {
            UUID userId;
            try {
                userId = UUID.fromString(payload);
            } catch (IllegalArgumentException notAUser) {
                log.warn("Ignoring an inbox notification that is not a user id: {}", payload);
                return;
            }
            forEachSubscriber(subscriber -> subscriber.inboxChanged(userId));
        }

        @Override
        public void resynchronise() {
            forEachSubscriber(InboxChanges::resynchronise);
        }

        private void forEachSubscriber(Consumer<InboxChanges> action) {
            for (InboxChanges subscriber : subscribers.get()) {
                try {
                    action.accept(subscriber);
                } catch (RuntimeException failure) {
                    // One failing subscriber must not stop the others, nor the listening.
                    log.error("Inbox change subscriber {} failed", subscriber, failure);
                }
            }
        }
    }
}
