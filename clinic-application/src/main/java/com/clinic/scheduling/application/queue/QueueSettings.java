package com.clinic.scheduling.application.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How the queue behaves ({@code clinic.queue.*}).
 *
 * @param grace how late after the appointment's start a checked-in patient still keeps their place
 * @param plannedConsultation the consultation length assumed until a doctor has enough real history
 * @param historySize how many of the doctor's most recent real consultations the estimate uses
 * @param historyWindow how far back those consultations may lie
 * @param admissionHorizon check-ins older than this are not (re)admitted, so a replay or a long outage
 *     cannot fill queues with patients who have long gone home
 * @param live the live streams of boards and tickets
 */
public record QueueSettings(
        Duration grace,
        Duration plannedConsultation,
        int historySize,
        Duration historyWindow,
        Duration admissionHorizon,
        Live live) {

    /**
     * @param streamTimeout how long one server-sent-event stream stays open before the client reconnects
     * @param streamRefresh how often an open stream gets the estimates again though nothing changed
     * @param listenPollTimeout how often the listener connection looks for queue notifications
     */
    public record Live(Duration streamTimeout, Duration streamRefresh, Duration listenPollTimeout) {

        public Live {
            Objects.requireNonNull(streamTimeout, "streamTimeout");
            Objects.requireNonNull(streamRefresh, "streamRefresh");
            Objects.requireNonNull(listenPollTimeout, "listenPollTimeout");
            if (!streamTimeout.isPositive() || !streamRefresh.isPositive() || !listenPollTimeout.isPositive()) {
                throw new IllegalArgumentException("clinic.queue.stream.* and listen-poll-timeout must be positive");
            }
        }
    }

    public static final QueueSettings DEFAULTS = new QueueSettings(
            Duration.ofMinutes(10),
            Duration.ofMinutes(15),
            20,
            Duration.ofDays(14),
            Duration.ofHours(12),
            new Live(Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofSeconds(1)));

    public QueueSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(plannedConsultation, "plannedConsultation");
        Objects.requireNonNull(historyWindow, "historyWindow");
        Objects.requireNonNull(admissionHorizon, "admissionHorizon");
        Objects.requireNonNull(live, "live");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("clinic.queue.grace must not be negative");
        }
        if (plannedConsultation.isNegative() || plannedConsultation.isZero()) {
            throw new IllegalArgumentException("clinic.queue.planned-consultation must be positive");
        }
        if (historySize < 1 || historySize > 500) {
            throw new IllegalArgumentException("clinic.queue.history-size must be between 1 and 500");
        }
        if (historyWindow.isNegative() || historyWindow.isZero()) {
            throw new IllegalArgumentException("clinic.queue.history-window must be positive");
        }
        if (admissionHorizon.isNegative() || admissionHorizon.isZero()) {
            throw new IllegalArgumentException("clinic.queue.admission-horizon must be positive");
        }
    }
}
