package com.clinic.scheduling.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.scheduling.domain.queue.QueueOrder.Place;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private static final Instant NINE = Instant.parse("2026-06-01T09:00:00Z");
    private static final Function<Place, Place> SELF = Function.identity();

    @Test
    void anEmergencyGoesFirstEvenIfItArrivedLast() {
        Place early = new Place(Priority.NORMAL, NINE, 1);
        Place emergency = new Place(Priority.EMERGENCY, NINE.plusSeconds(3600), 2);

        assertThat(QueueOrder.sort(List.of(early, emergency), SELF)).containsExactly(emergency, early);
    }

    @Test
    void elderlyAndDisabledShareOneRankAheadOfNormal() {
        Place normal = new Place(Priority.NORMAL, NINE, 1);
        Place disabled = new Place(Priority.DISABLED, NINE.plusSeconds(120), 2);
        Place elderly = new Place(Priority.ELDERLY, NINE.plusSeconds(60), 3);

        assertThat(QueueOrder.sort(List.of(normal, disabled, elderly), SELF))
                .containsExactly(elderly, disabled, normal);
    }

    @Test
    void withinOnePriorityTheEarlierEffectiveTimeWinsAndThenTheLowerTicketNumber() {
        Place bookedForNine = new Place(Priority.NORMAL, NINE, 7);
        Place walkInAtNine = new Place(Priority.NORMAL, NINE, 3);
        Place walkInBefore = new Place(Priority.NORMAL, NINE.minusSeconds(60), 9);

        assertThat(QueueOrder.sort(List.of(bookedForNine, walkInAtNine, walkInBefore), SELF))
                .containsExactly(walkInBefore, walkInAtNine, bookedForNine);
    }
}
