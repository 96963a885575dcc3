package com.clinic.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the decider needs of a notification: its status, its channels in fail-over order, which one
 * is being tried and which attempt on it, when a timer should wake it, and when it stops mattering.
 */
public record NotificationState(
        NotificationStatus status,
        List<Channel> channels,
        int channelIndex,
        int attempt,
        Optional<Instant> wakeAt,
        Optional<Instant> expiresAt,
        int lastRecordedAttempt) {

    public NotificationState {
        channels = List.copyOf(channels);
    }

    public static NotificationState none() {
        return new NotificationState(NotificationStatus.NONE, List.of(), 0, 0, Optional.empty(), Optional.empty(), 0);
    }

    public boolean exists() {
        return status != NotificationStatus.NONE;
    }

    public Channel channel() {
        return channels.get(channelIndex);
    }

    public Optional<Channel> nextChannel() {
        return channelIndex + 1 < channels.size() ? Optional.of(channels.get(channelIndex + 1)) : Optional.empty();
    }

    NotificationState with(NotificationStatus next) {
        return new NotificationState(next, channels, channelIndex, attempt, wakeAt, expiresAt, lastRecordedAttempt);
    }
}
