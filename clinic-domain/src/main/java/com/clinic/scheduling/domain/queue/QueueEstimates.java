package com.clinic.scheduling.domain.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Estimated waits for a whole board: the patient already called goes in before everybody waiting,
 * so each waiting patient has the called one (if any) and everyone ahead of them in front.
 */
public final class QueueEstimates {

    private QueueEstimates() {}

    /**
     * @param recentDurations the doctor's recent real consultation lengths
     * @param planned what a consultation should take, trusted until there is enough history
     * @param called how many patients are called but not yet in service
     * @param waiting how many patients wait (in queue order)
     * @param inServiceSince when the consultation in progress started, if one is
     * @return one estimate per waiting patient, in queue order
     */
    public static List<Duration> waits(
            List<Duration> recentDurations,
            Duration planned,
            int called,
            int waiting,
            Optional<Instant> inServiceSince,
            Instant now) {
        if (called < 0 || waiting < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Duration typical = WaitEstimator.typicalConsultation(recentDurations, planned);
        List<Duration> everyone = WaitEstimator.estimates(called + waiting, typical, inServiceSince, now);
        return List.copyOf(everyone.subList(called, everyone.size()));
    }
}
