package com.clinic.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests control: a base time plus an offset the test moves forward. The base is a
 * fixed instant ({@link #at}), the real clock ({@link #system}, for running applications whose
 * other tests must see time flow), or any other source ({@link #following}, e.g. an Axon fixture's
 * simulated time). Zone views made with {@link #withZone} share the offset, so moving the clock
 * moves every view of it.
 */
public final class TestClock extends Clock {

    private final InstantSource base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private TestClock(InstantSource base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** Stands still at {@code start} until the test moves it. */
    public static TestClock at(Instant start) {
        return following(InstantSource.fixed(Objects.requireNonNull(start, "start")));
    }

    /** The real clock until the test moves it, then the real clock that far ahead. */
    public static TestClock system() {
        return following(InstantSource.system());
    }

    /** Whatever {@code source} reads, plus however far the test has moved this clock. */
    public static TestClock following(InstantSource source) {
        return new TestClock(
                Objects.requireNonNull(source, "source"), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Moves the clock forward; time in tests never runs backwards. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a test clock only moves forward: " + duration);
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /** Back to the base time, undoing every {@link #advance}. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new TestClock(base, offset, newZone);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }
}
