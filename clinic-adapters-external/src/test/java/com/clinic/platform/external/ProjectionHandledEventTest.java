package com.clinic.platform.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

/** When a projection has handled one event a process waits for: its position against the event's index. */
class ProjectionHandledEventTest {

    private static GapAwareTrackingToken at(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    @Test
    void aProjectionShortOfTheEventHasNotHandledIt() {
        assertThat(AxonReadModelBarrier.handled(at(9), 10)).isFalse();
        assertThat(AxonReadModelBarrier.handled(at(10), 10)).isTrue();
        assertThat(AxonReadModelBarrier.handled(at(15), 10)).isTrue();
    }

    @Test
    void aProjectionPastTheEventThatSkippedItAsAGapHasNotHandledIt() {
        assertThat(AxonReadModelBarrier.handled(at(15, 10L), 10)).isFalse();
    }

    @Test
    void otherGapsBelowTheEventDoNotHoldItBack() {
        // covers() would refuse this position until index 7 is filled or dropped, up to a minute later.
        assertThat(AxonReadModelBarrier.handled(at(15, 7L, 12L), 10)).isTrue();
    }

    @Test
    void aSegmentThatHandledNothingYetHasNotHandledIt() {
        assertThat(AxonReadModelBarrier.handled(null, 0)).isFalse();
    }

    @Test
    void aProjectionReplayingCountsWhereItHasReplayedTo() {
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(at(20), at(5));

        assertThat(AxonReadModelBarrier.handled(replaying, 10)).isFalse();
        assertThat(AxonReadModelBarrier.handled(replaying, 5)).isTrue();
    }

    @Test
    void theEventsIndexIsItsTokensPosition() {
        assertThat(AxonReadModelBarrier.eventIndex(at(42, 40L))).isEqualTo(42);
        assertThat(AxonReadModelBarrier.eventIndex(new GlobalSequenceTrackingToken(7)))
                .isEqualTo(7);
        assertThatThrownBy(() -> AxonReadModelBarrier.eventIndex(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
