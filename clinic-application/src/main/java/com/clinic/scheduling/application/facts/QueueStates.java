package com.clinic.scheduling.application.facts;

import com.clinic.scheduling.domain.queue.DailyQueueDecider;
import com.clinic.scheduling.domain.queue.QueueEvent;
import com.clinic.scheduling.domain.queue.QueueState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A queue's state just before one of its events, folded from the queue's own stored events with
 * its decider, as the aggregate itself would load it: never a read model, which may lag behind or
 * run ahead of the event being handled.
 *
 * <p>Events arrive queue by queue in order, so the state after each is remembered for the queue's
 * next event and the store is read only when that is not the one remembered (a cold start, a
 * redelivery after a rollback, more queues in a day than are remembered). Whatever is remembered
 * is right regardless of rollbacks: the state after event {@code n} depends only on the stored
 * events up to {@code n}, which never change.
 */
final class QueueStates {

    /** Queues remembered at once: a busy day's queues, well beyond what one instance serves. */
    private static final int REMEMBERED = 512;

    private static final DailyQueueDecider DECIDER = new DailyQueueDecider();

    private record Known(long sequence, QueueState state) {}

    private final EventStore store;

    private final Map<UUID, Known> known = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Known> eldest) {
            return size() > REMEMBERED;
        }
    });

    QueueStates(EventStore store) {
        this.store = store;
    }

    /** The queue's state before its event number {@code sequence}. */
    QueueState before(UUID queueId, long sequence) {
        Known last = known.get(queueId);
        if (last != null && last.sequence() == sequence - 1) {
            return last.state();
        }
        QueueState state = DECIDER.initialState();
        DomainEventStream events = store.readEvents(queueId.toString());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() >= sequence) {
                break;
            }
            state = DECIDER.evolve(state, (QueueEvent) event.getPayload());
        }
        return state;
    }

    /** The state after event {@code sequence}, applied to what was before it; remembered for the next. */
    QueueState after(UUID queueId, long sequence, QueueState before, QueueEvent event) {
        QueueState state = DECIDER.evolve(before, event);
        known.put(queueId, new Known(sequence, state));
        return state;
    }
}
