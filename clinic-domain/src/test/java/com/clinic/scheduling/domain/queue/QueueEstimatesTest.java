package com.clinic.scheduling.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueEstimatesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration PLANNED = Duration.ofMinutes(15);

    private static List<Duration> minutes(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void theCalledPatientGoesInBeforeEveryoneWaiting() {
        var waits = QueueEstimates.waits(
                minutes(8, 10, 12), PLANNED, 1, 2, Optional.of(NOW.minus(Duration.ofMinutes(4))), NOW);

        // typical 10: 6 left of the current one, then the called patient, then the first waiting
        assertThat(waits).containsExactly(Duration.ofMinutes(16), Duration.ofMinutes(26));
    }

    @Test
    void withoutHistoryThePlannedLengthDrivesTheEstimates() {
        var waits = QueueEstimates.waits(minutes(40), PLANNED, 0, 3, Optional.empty(), NOW);

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofMinutes(15), Duration.ofMinutes(30));
    }

    @Test
    void anEmptyQueueHasNoEstimatesAndNegativeCountsAreABug() {
        assertThat(QueueEstimates.waits(minutes(), PLANNED, 1, 0, Optional.empty(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> QueueEstimates.waits(minutes(), PLANNED, -1, 0, Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
