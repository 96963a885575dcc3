package com.clinic.scheduling.persistence.queue;

import com.clinic.platform.persistence.PostgresChannelListener;
import com.clinic.scheduling.application.queue.port.QueueChangeSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each changed queue id notified on {@value #CHANNEL} to the local subscribers, whichever
 * instance's transaction sent the {@code NOTIFY}; after a reconnect they resynchronise everything.
 */
public final class PostgresQueueChangeListener extends PostgresChannelListener {

    /** The channel the queue board projection notifies on; the payload is the queue id. */
    public static final String CHANNEL = "queue_changed";

    private static final Logger log = LoggerFactory.getLogger(PostgresQueueChangeListener.class);

    public PostgresQueueChangeListener(
            ListenConnections connections,
            Supplier<List<QueueChangeSubscriber>> subscribers,
            Duration pollTimeout,
            String name) {
        super(connections, CHANNEL, new Dispatcher(subscribers), pollTimeout, name);
    }

    private record Dispatcher(Supplier<List<QueueChangeSubscriber>> subscribers) implements Receiver {

        @Override
        public void received(String payload) {
            UUID queueId;
            try {
                queueId = UUID.fromString(payload);
            } catch (IllegalArgumentException notAQueue) {
                log.warn("Ignoring a queue change notification that is not a queue id: {}", payload);
                return;
            }
            forEachSubscriber(subscriber -> subscriber.queueChanged(queueId));
        }

        @Override
        public void resynchronise() {
            forEachSubscriber(QueueChangeSubscriber::resynchronise);
        }

        private void forEachSubscriber(Consumer<QueueChangeSubscriber> action) {
            for (QueueChangeSubscriber subscriber : subscribers.get()) {
                try {
                    action.accept(subscriber);
                } catch (RuntimeException failure) {
                    // One failing subscriber must not stop the others, nor the listening.
                    log.error("Queue change subscriber {} failed", subscriber, failure);
                }
            }
        }
    }
}
