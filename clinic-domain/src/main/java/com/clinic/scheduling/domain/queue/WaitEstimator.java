package com.clinic.scheduling.domain.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Estimated waits from what actually happened: the typical consultation is the median of the
 * doctor's recent real durations (the median, because one long emergency must not inflate everyone's
 * estimate), falling back to the appointment type's planned length until enough history exists.
 * The patient being seen counts for whatever of the typical duration is left, never less than zero.
 */
public final class WaitEstimator {

    /** Fewer real durations than this and the planned length is trusted more than the history. */
    public static final int MIN_HISTORY = 3;

    private WaitEstimator() {}

    public static Duration typicalConsultation(List<Duration> recentDurations, Duration planned) {
        if (recentDurations.size() < MIN_HISTORY) {
            return planned;
        }
        List<Duration> sorted = new ArrayList<>(recentDurations);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /**
     * Estimated waits, in queue order, for the patients still waiting.
     *
     * @param waiting how many patients are waiting (in order)
     * @param inService when the consultation in progress started, if one is
     */
    public static List<Duration> estimates(int waiting, Duration typical, Optional<Instant> inService, Instant now) {
        Duration remaining = inService
                .map(startedAt -> typical.minus(Duration.between(startedAt, now)))
                .filter(left -> !left.isNegative())
                .orElse(Duration.ZERO);
        List<Duration> estimates = new ArrayList<>(waiting);
        for (int ahead = 0; ahead < waiting; ahead++) {
            estimates.add(remaining.plus(typical.multipliedBy(ahead)));
        }
        return estimates;
    }
}
