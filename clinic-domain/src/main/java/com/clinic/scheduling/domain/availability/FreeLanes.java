package com.clinic.scheduling.domain.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A doctor's claims sorted by start, seen through the lanes a type of capacity {@code c} may use
 * ({@code 0..c-1}); claims in other lanes never matter to it. A slot is free when at least one of
 * those lanes has no claim overlapping the slot's blocked time, and its remaining capacity is the
 * number of such lanes: exactly what the write side's exclusion constraint will accept.
 */
final class FreeLanes {

    private final int capacity;
    private final List<ClaimedTime> claims;
    private final Duration longest;

    FreeLanes(List<ClaimedTime> claims, int capacity) {
        this.capacity = capacity;
        this.claims = claims.stream()
                .filter(claim -> claim.lane() < capacity)
                .sorted(Comparator.comparing(claim -> claim.blocked().start()))
                .toList();
        this.longest = this.claims.stream()
                .map(claim -> claim.blocked().length())
                .max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
    }

    int free(TimeRange blocked) {
        if (claims.isEmpty()) {
            return capacity;
        }
        boolean[] busy = new boolean[capacity];
        int busyCount = 0;
        // No claim starting before this can reach the blocked range: it would be longer than the longest.
        Instant from = blocked.start().minus(longest);
        for (int i = firstStartingAtOrAfter(from); i < claims.size(); i++) {
            ClaimedTime claim = claims.get(i);
            if (!claim.blocked().start().isBefore(blocked.end())) {
                break;
            }
            if (claim.blocked().overlaps(blocked) && !busy[claim.lane()]) {
                busy[claim.lane()] = true;
                busyCount++;
            }
        }
        return capacity - busyCount;
    }

    private int firstStartingAtOrAfter(Instant instant) {
        int low = 0;
        int high = claims.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (claims.get(mid).blocked().start().isBefore(instant)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
