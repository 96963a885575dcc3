package com.clinic.scheduling.rest.queue;

import com.clinic.scheduling.application.queue.QueueBoard;
import com.clinic.scheduling.application.queue.QueueBoards;
import com.clinic.scheduling.application.queue.QueueIds;
import com.clinic.scheduling.application.queue.QueueSettings;
import com.clinic.scheduling.application.queue.TicketProgress;
import com.clinic.scheduling.application.queue.port.QueueBoardReadModel.Progress;
import com.clinic.scheduling.application.queue.port.QueueChangeSubscriber;
import com.clinic.scheduling.domain.queue.QueueKey;
import com.clinic.scheduling.rest.queue.QueueDtos.DisplayBoard;
import com.clinic.scheduling.rest.queue.QueueDtos.TicketProgressResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's live queue subscribers: waiting-room displays (a board per queue) and patients
 * (one ticket each). A change notification for a queue, from whichever instance made the change,
 * refreshes its board once and pushes it to every local display and follower of that queue. Refreshes
 * of one queue never overlap and bursts coalesce, so a subscriber never receives an older board after
 * a newer one. A periodic refresh keeps estimated waits ticking (they depend on the time) and the
 * connections alive, and repairs anything missed while the listener was reconnecting.
 */
@Component
class QueueStreams implements QueueChangeSubscriber, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueStreams.class);

    private final QueueBoards boards;
    private final Duration streamTimeout;
    private final Duration refreshEvery;

    /** Displays by queue. */
    private final Map<UUID, Set<SseEmitter>> displays = new ConcurrentHashMap<>();
    /** Queue keys of the queues with displays. */
    private final Map<UUID, QueueKey> keys = new ConcurrentHashMap<>();
    /** Patient followers by ticket. */
    private final Map<UUID, Set<SseEmitter>> followers = new ConcurrentHashMap<>();
    /** The queue each followed ticket was last seen in; absent while unknown (just issued, in transfer). */
    private final Map<UUID, UUID> ticketQueues = new ConcurrentHashMap<>();

    private final Map<UUID, Refresh> refreshes = new ConcurrentHashMap<>();

    private final ExecutorService pushes = Executors.newVirtualThreadPerTaskExecutor();
    private volatile ScheduledExecutorService ticker;

    QueueStreams(QueueBoards boards, QueueSettings settings) {
        this.boards = boards;
        this.streamTimeout = settings.live().streamTimeout();
        this.refreshEvery = settings.live().streamRefresh();
    }

    SseEmitter watchBoard(QueueKey key) {
        UUID queueId = QueueIds.of(key);
        keys.put(queueId, key);
        SseEmitter emitter = register(displays, queueId);
        refresh(queueId);
        return emitter;
    }

    SseEmitter followTicket(UUID ticketId, UUID queueId) {
        ticketQueues.put(ticketId, queueId);
        SseEmitter emitter = register(followers, ticketId);
        refresh(queueId);
        return emitter;
    }

    @Override
    public void queueChanged(UUID queueId) {
        if (watched(queueId) || hasUnplacedTickets()) {
            refresh(queueId);
        }
    }

    /** Whether anybody on this instance watches the queue (most notifications concern other queues). */
    private boolean watched(UUID queueId) {
        return displays.containsKey(queueId) || ticketQueues.containsValue(queueId);
    }

    private boolean hasUnplacedTickets() {
        return followers.keySet().stream().anyMatch(ticketId -> !ticketQueues.containsKey(ticketId));
    }

    @Override
    public void resynchronise() {
        displays.keySet().forEach(this::refresh);
        ticketQueues.values().stream().distinct().forEach(this::refresh);
        pushes.execute(this::refreshUnplacedTickets);
    }

    /** How many local subscribers there are (displays plus ticket followers), for tests and metrics. */
    int subscribers() {
        return displays.values().stream().mapToInt(Set::size).sum()
                + followers.values().stream().mapToInt(Set::size).sum();
    }

    private SseEmitter register(Map<UUID, Set<SseEmitter>> registry, UUID id) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        registry.computeIfAbsent(id, ignored -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> forget(registry, id, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        return emitter;
    }

    private void forget(Map<UUID, Set<SseEmitter>> registry, UUID id, SseEmitter emitter) {
        registry.computeIfPresent(id, (ignored, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
        if (registry == followers && !followers.containsKey(id)) {
            ticketQueues.remove(id);
        }
        if (registry == displays && !displays.containsKey(id)) {
            keys.remove(id);
        }
    }

    private void refresh(UUID queueId) {
        refreshes.computeIfAbsent(queueId, Refresh::new).request();
    }

    /** Pushes one fresh board of a queue to its displays and to the followers of its tickets. */
    private void push(UUID queueId) {
        Set<SseEmitter> screens = displays.getOrDefault(queueId, Set.of());
        QueueKey key = keys.get(queueId);
        Optional<QueueBoard> board = Optional.empty();
        if (key != null && !screens.isEmpty()) {
            board = Optional.of(boards.displaySnapshot(key));
            DisplayBoard display = DisplayBoard.of(board.get());
            screens.forEach(emitter -> send(emitter, "board", String.valueOf(display.version()), display));
        }
        for (Map.Entry<UUID, UUID> followed : ticketQueues.entrySet()) {
            if (!followed.getValue().equals(queueId)) {
                continue;
            }
            UUID ticketId = followed.getKey();
            Optional<TicketProgress> progress =
                    board.flatMap(shown -> QueueBoards.onBoard(shown, ticketId)).or(() -> boards.progress(ticketId));
            progress.ifPresent(ticket -> pushTicket(ticketId, ticket));
        }
        if (hasUnplacedTickets()) {
            refreshUnplacedTickets();
        }
    }

    /** Followers of tickets in transfer: their new queue is not known yet, so any change may be theirs. */
    private void refreshUnplacedTickets() {
        for (UUID ticketId : followers.keySet()) {
            if (!ticketQueues.containsKey(ticketId)) {
                boards.progress(ticketId).ifPresent(progress -> pushTicket(ticketId, progress));
            }
        }
    }

    private void pushTicket(UUID ticketId, TicketProgress progress) {
        if (progress.progress() == Progress.TRANSFERRED) {
            ticketQueues.remove(ticketId); // until its new queue's board has it
        } else if (followers.containsKey(ticketId)) {
            ticketQueues.put(ticketId, progress.queueId());
        }
        TicketProgressResponse body = TicketProgressResponse.of(progress);
        followers.getOrDefault(ticketId, Set.of()).forEach(emitter -> send(emitter, "ticket", null, body));
    }

    private static void send(SseEmitter emitter, String name, String id, Object body) {
        try {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(body, MediaType.APPLICATION_JSON);
            emitter.send(id == null ? event : event.id(id));
        } catch (IOException | IllegalStateException gone) {
            // The client went away (or the stream timed out): drop it; its callbacks deregister it.
            emitter.completeWithError(gone);
        }
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("queue-stream-refresh").daemon(true).factory());
        long period = Math.max(1, refreshEvery.toMillis());
        ticker.scheduleAtFixedRate(this::resynchroniseQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void resynchroniseQuietly() {
        try {
            resynchronise();
        } catch (RuntimeException failure) {
            log.warn("Periodic queue stream refresh failed", failure);
        }
    }

    /**
     * Ends every stream cleanly (on shutdown, first thing): clients reconnect, to another instance
     * during a rolling deployment, and get a fresh first event there.
     */
    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        displays.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        followers.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /**
     * Serialises the refreshes of one queue and coalesces bursts: while a refresh runs, any number
     * of further requests make exactly one more.
     */
    private final class Refresh {
        private final UUID queueId;
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Refresh(UUID queueId) {
            this.queueId = queueId;
        }

        void request() {
            requested.set(true);
            if (scheduled.compareAndSet(false, true)) {
                pushes.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (requested.getAndSet(false)) {
                    try {
                        push(queueId);
                    } catch (RuntimeException failure) {
                        log.warn("Could not push queue {} to its subscribers", queueId, failure);
                    }
                }
            } finally {
                scheduled.set(false);
                if (requested.get() && scheduled.compareAndSet(false, true)) {
                    pushes.execute(this::drain);
                } else if (!watched(queueId)) {
                    refreshes.remove(queueId, this); // nobody here watches it any more
                }
            }
        }
    }
}
