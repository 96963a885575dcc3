package com.clinic.scheduling.bootstrap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduling's settings, one record for the context: {@code clinic.appointments.*} (holds, no-shows,
 * late cancellations), {@code clinic.waitlist.*} (offers), {@code clinic.queue.*} (the walk-in queue and its live streams). Bound below
 * {@code clinic} so that the keys keep their documented names; checked again by the settings records
 * they become, so a bad value stops the start.
 */
@Validated
@ConfigurationProperties("clinic")
record SchedulingProperties(
        @DefaultValue @Valid Appointments appointments,
        @DefaultValue @Valid Waitlist waitlist,
        @DefaultValue @Valid Queue queue) {

    /**
     * @param offerTtl how long an offered slot is held for the patient (at most 30 minutes)
     * @param projectionWait how long the offer process waits for slot search to include new schedule
     *     capacity before it retries the event later (under 10 seconds)
     */
    record Waitlist(@DefaultValue("15m") Duration offerTtl, @DefaultValue("5s") Duration projectionWait) {}

    /**
     * @param holdDuration how long a slot stays held for a patient who has not confirmed
     * @param noShowGrace how late after the start a booked patient who has not arrived becomes a no-show
     * @param lateCancelWindow a cancellation closer than this to the start counts as late
     */
    record Appointments(
            @DefaultValue("5m") Duration holdDuration,
            @DefaultValue("15m") Duration noShowGrace,
            @DefaultValue("24h") Duration lateCancelWindow) {}

    /**
     * @param grace how late after the appointment's start a checked-in patient still keeps their place
     * @param plannedConsultation the consultation length assumed until a doctor has enough real history
     * @param historySize how many of the doctor's most recent consultations the estimated wait uses
     * @param historyWindow how far back those consultations may lie
     * @param admissionHorizon check-ins older than this never join a queue (a replay or a long outage
     *     cannot fill queues with patients who went home)
     * @param stream the live queue streams (server-sent events)
     * @param listenPollTimeout how often the listener connection looks for queue notifications
     */
    record Queue(
            @DefaultValue("10m") Duration grace,
            @DefaultValue("15m") Duration plannedConsultation,
            @DefaultValue("20") @Min(1) @Max(500) int historySize,
            @DefaultValue("14d") Duration historyWindow,
            @DefaultValue("12h") Duration admissionHorizon,
            @DefaultValue Stream stream,
            @DefaultValue("1s") Duration listenPollTimeout) {

        /**
         * @param timeout how long one live stream stays open before the client reconnects
         * @param refresh how often an open stream gets the estimates again though nothing changed
         */
        record Stream(@DefaultValue("30m") Duration timeout, @DefaultValue("30s") Duration refresh) {}
    }
}
