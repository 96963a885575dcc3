package com.clinic.scheduling.domain.waitlist;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who gets a freed slot first: the most urgent, then whoever joined earliest, then (only to make the
 * order total) the entry id. The id is compared as unsigned bytes, the way PostgreSQL orders
 * {@code uuid}, so the read model's positions and this ranking always agree.
 */
public final class WaitlistRanking {

    /** The three ranking keys of one entry. */
    public record Key(Urgency urgency, Instant joinedAt, UUID entryId) {

        public Key {
            Objects.requireNonNull(urgency, "urgency");
            Objects.requireNonNull(joinedAt, "joinedAt");
            Objects.requireNonNull(entryId, "entryId");
        }
    }

    public static final Comparator<Key> ORDER = Comparator.comparingInt(
                    (Key key) -> key.urgency().rank())
            .thenComparing(Key::joinedAt)
            .thenComparing(Key::entryId, WaitlistRanking::compareUnsigned);

    private WaitlistRanking() {}

    /** The items, best first. */
    public static <T> List<T> rank(Collection<T> items, Function<? super T, Key> key) {
        return items.stream().sorted(Comparator.comparing(key, ORDER)).toList();
    }

    static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
