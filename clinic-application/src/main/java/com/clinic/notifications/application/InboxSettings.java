package com.clinic.notifications.application;

import java.time.Duration;
import java.util.Objects;

/**
 * The live inbox: how long a client's stream stays open before it reconnects, how often an idle
 * stream is sent a keep-alive (so proxies do not close it), and how often the listening connection
 * looks for change notifications.
 */
public record InboxSettings(Duration streamTimeout, Duration keepAlive, Duration listenPollTimeout) {

    public InboxSettings {
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(listenPollTimeout, "listenPollTimeout");
        if (streamTimeout.isNegative() || streamTimeout.isZero()) {
            throw new IllegalArgumentException("streamTimeout must be positive");
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive must be positive");
        }
        if (listenPollTimeout.isNegative() || listenPollTimeout.isZero()) {
            throw new IllegalArgumentException("listenPollTimeout must be positive");
        }
    }
}
