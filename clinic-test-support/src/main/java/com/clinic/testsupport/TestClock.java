package com.clinic.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests control: a base time plus an offset the test moves forward. The base is a
 * fixed instant ({@link #at}), the real clock ({@link #system}, for running applications whose
 * other tests must see time flow), or any other source ({@link #following}, e.g. an Axon fixture's
 * simulated time). A test that must know every instant the application reads (to expect exact
 * commands) makes it {@link #standStill} for a while. Zone views made with {@link #withZone} share the
 * offset and the stop, so moving the clock moves every view of it.
 */
public final class TestClock extends Clock {

    private final InstantSource base;
    private final AtomicReference<Duration> offset;
    /** The base's reading the clock stands still at, if a test stopped it. */
    private final AtomicReference<Optional<Instant>> stoppedAt;

    private final ZoneId zone;

    private TestClock(
            InstantSource base,
            AtomicReference<Duration> offset,
            AtomicReference<Optional<Instant>> stoppedAt,
            ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.stoppedAt = stoppedAt;
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
                Objects.requireNonNull(source, "source"),
                new AtomicReference<>(Duration.ZERO),
                new AtomicReference<>(Optional.empty()),
                ZoneOffset.UTC);
    }

    /** Moves the clock forward; time in tests never runs backwards. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a test clock only moves forward: " + duration);
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /**
     * Stops the clock at its current reading: it reads the same instant until {@link #advance}d or
     * {@link #reset}. Stopping a stopped clock changes nothing.
     */
    public Instant standStill() {
        stoppedAt.updateAndGet(stopped -> stopped.isPresent() ? stopped : Optional.of(base.instant()));
        return instant();
    }

    /** Back to the base time, undoing every {@link #advance} and {@link #standStill}. */
    public void reset() {
        stoppedAt.set(Optional.empty());
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return stoppedAt.get().orElseGet(base::instant).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new TestClock(base, offset, stoppedAt, newZone);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }
}
