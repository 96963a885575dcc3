package com.clinic.scheduling.domain.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one ordering of a queue, shared by the decider (who is called next) and the board (positions):
 * priority rank first, then the time a ticket is ordered by, then the ticket number as a stable tie-break.
 */
public final class QueueOrder {

    /** What a ticket is ordered by. */
    public record Place(Priority priority, Instant effectiveAt, int number) {
        public Place {
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(effectiveAt, "effectiveAt");
        }
    }

    public static final Comparator<Place> ORDER = Comparator.comparingInt(
                    (Place place) -> place.priority().rank())
            .thenComparing(Place::effectiveAt)
            .thenComparingInt(Place::number);

    private QueueOrder() {}

    /** A sorted copy of {@code items}, each placed by {@code place}. */
    public static <T> List<T> sort(List<T> items, Function<? super T, Place> place) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(place, ORDER));
        return List.copyOf(sorted);
    }
}
