package com.clinic.identity.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: failed sign-in attempts per throttle key (an account's login or a client address, both as
 * blind indexes), kept in the database so that every application instance sees the same counts.
 */
public interface LoginFailureStore {

    record Window(long failures, Optional<Instant> oldest) {}

    /** The failures recorded for {@code key} after {@code since}, and the oldest of them. */
    Window failuresSince(String key, Instant since);

    void record(String key, Instant at);

    /** Forgets the failures of {@code key}, after a successful sign-in. */
    void clear(String key);

    /** Forgets every failure older than {@code before}: they no longer count in any window. */
    void forgetBefore(Instant before);
}
