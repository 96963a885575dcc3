package com.clinic.notifications.rest;

import com.clinic.notifications.application.InboxSettings;
import com.clinic.notifications.application.NotificationInbox;
import com.clinic.notifications.application.port.InboxChanges;
import com.clinic.notifications.rest.InboxRendering.NotificationResponse;
import com.clinic.platform.domain.Actor;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
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
 * This instance's open inbox streams, by user. When a user's inbox changes (announced by whichever
 * instance's transaction changed it), their summary is read once and pushed to each of their open
 * streams in that stream's language. Refreshes of one user never overlap and bursts coalesce, so a
 * client never receives an older count after a newer one. Idle streams get a comment now and then,
 * so proxies keep them open.
 */
@Component
class InboxStreams implements InboxChanges, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

    /** One open stream: whose, and in which language its notices are shown. */
    private record Subscriber(Actor actor, Locale locale, SseEmitter emitter) {}

    /** What each inbox event carries: the unread count and the newest notification (null when none). */
    record InboxEvent(long unread, NotificationResponse newest) {}

    private final NotificationInbox inbox;
    private final InboxRendering rendering;
    private final Duration streamTimeout;
    private final Duration keepAlive;

    private final Map<UUID, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<UUID, Refresh> refreshes = new ConcurrentHashMap<>();
    private final ExecutorService pushes = Executors.newVirtualThreadPerTaskExecutor();
    private volatile ScheduledExecutorService ticker;

    InboxStreams(NotificationInbox inbox, InboxRendering rendering, InboxSettings settings) {
        this.inbox = inbox;
        this.rendering = rendering;
        this.streamTimeout = settings.streamTimeout();
        this.keepAlive = settings.keepAlive();
    }

    /** A stream of the caller's own inbox; its first event follows at once. */
    SseEmitter open(Actor actor, Locale locale) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        Subscriber subscriber = new Subscriber(actor, locale, emitter);
        UUID userId = actor.userId();
        subscribers
                .computeIfAbsent(userId, ignored -> ConcurrentHashMap.newKeySet())
                .add(subscriber);
        Runnable remove = () -> forget(userId, subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        refresh(userId);
        return emitter;
    }

    @Override
    public void inboxChanged(UUID recipientUserId) {
        if (subscribers.containsKey(recipientUserId)) {
            refresh(recipientUserId);
        }
    }

    @Override
    public void resynchronise() {
        subscribers.keySet().forEach(this::refresh);
    }

    private void forget(UUID userId, Subscriber subscriber) {
        subscribers.computeIfPresent(userId, (ignored, open) -> {
            open.remove(subscriber);
            return open.isEmpty() ? null : open;
        });
    }

    private void refresh(UUID userId) {
        refreshes.computeIfAbsent(userId, Refresh::new).request();
    }

    /** Reads the user's summary once and sends it to each of their streams. */
    private void push(UUID userId) {
        Set<Subscriber> open = subscribers.getOrDefault(userId, Set.of());
        if (open.isEmpty()) {
            return;
        }
        NotificationInbox.Summary summary = inbox.summary(open.iterator().next().actor());
        for (Subscriber subscriber : open) {
            NotificationResponse newest = summary.newest()
                    .map(notice -> rendering.render(notice, subscriber.locale()))
                    .orElse(null);
            send(
                    subscriber.emitter(),
                    SseEmitter.event()
                            .name("inbox")
                            .data(new InboxEvent(summary.unread(), newest), MediaType.APPLICATION_JSON));
        }
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // The client went away (or the stream timed out): drop it; its callbacks deregister it.
            emitter.completeWithError(gone);
        }
    }

    private void keepAlive() {
        try {
            subscribers
                    .values()
                    .forEach(open -> open.forEach(subscriber ->
                            send(subscriber.emitter(), SseEmitter.event().comment("keep-alive"))));
        } catch (RuntimeException failure) {
            log.warn("Inbox stream keep-alive failed", failure);
        }
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("inbox-stream-keep-alive").daemon(true).factory());
        long period = Math.max(1, keepAlive.toMillis());
        ticker.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
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
        subscribers
                .values()
                .forEach(open -> open.forEach(subscriber -> subscriber.emitter().complete()));
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /**
     * Serialises the refreshes of one user and coalesces bursts: while a refresh runs, any number of
     * further requests make exactly one more.
     */
    private final class Refresh {
        private final UUID userId;
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Refresh(UUID userId) {
            this.userId = userId;
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
                        push(userId);
                    } catch (RuntimeException failure) {
                        log.warn("Could not push the inbox of {} to its streams", userId, failure);
                    }
                }
            } finally {
                scheduled.set(false);
                if (requested.get() && scheduled.compareAndSet(false, true)) {
                    pushes.execute(this::drain);
                } else if (!subscribers.containsKey(userId)) {
                    refreshes.remove(userId, this); // nobody here follows this inbox any more
                }
            }
        }
    }
}
