package com.clinic.platform.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** When a write may be answered: every event committed up to the head it took is in every projection. */
class ReadModelBarrierWaitTest {

    private static GapAwareTrackingToken at(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    private final List<TrackingToken> positions = new ArrayList<>();
    private final SortedSet<Long> inStore = new TreeSet<>();
    private final AtomicInteger lookups = new AtomicInteger();

    private AxonReadModelBarrier.Wait waitFor(long head) {
        return new AxonReadModelBarrier.Wait(at(head), () -> new ArrayList<>(positions), gaps -> {
            lookups.incrementAndGet();
            SortedSet<Long> found = new TreeSet<>(gaps);
            found.retainAll(inStore);
            return found;
        });
    }

    @Test
    void waitsWhileAnyProjectionIsShortOfTheHead() {
        positions.addAll(List.of(at(12), at(9)));
        var wait = waitFor(10);

        assertThat(wait.over()).isFalse();
        positions.set(1, at(10));
        assertThat(wait.over()).isTrue();
    }

    @Test
    void aGapThatHoldsNoCommittedEventIsNotWaitedFor() {
        positions.add(at(12, 7L, 11L));

        assertThat(waitFor(10).over()).isTrue();
    }

    @Test
    void aGapThatHoldsACommittedEventIsWaitedForUntilTheProjectionHasHandledIt() {
        inStore.add(7L);
        positions.add(at(12, 7L, 8L));
        var wait = waitFor(10);

        assertThat(wait.over()).isFalse();
        positions.set(0, at(12, 8L));
        assertThat(wait.over()).isTrue();
    }

    @Test
    void theHeadItselfMissedAsAGapIsWaitedFor() {
        inStore.add(10L);
        positions.add(at(12, 10L));
        var wait = waitFor(10);

        assertThat(wait.over()).isFalse();
        positions.set(0, at(12));
        assertThat(wait.over()).isTrue();
    }

    @Test
    void gapsAboveTheHeadAreNotThisWritesConcern() {
        inStore.add(11L);
        positions.add(at(12, 11L));

        assertThat(waitFor(10).over()).isTrue();
    }

    @Test
    void theStoreIsAskedOnceAndOnlyOnceEveryProjectionIsPastTheHead() {
        inStore.add(7L);
        positions.add(at(9, 7L));
        var wait = waitFor(10);

        assertThat(wait.over()).isFalse();
        assertThat(lookups).hasValue(0);
        positions.set(0, at(11, 7L));
        assertThat(wait.over()).isFalse();
        assertThat(wait.over()).isFalse();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aSegmentThatHasNotStartedIsWaitedFor() {
        positions.add(null);

        assertThat(waitFor(10).over()).isFalse();
    }
}
