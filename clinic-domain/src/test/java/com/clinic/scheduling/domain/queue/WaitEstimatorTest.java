package com.clinic.scheduling.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {

    private static final Duration PLANNED = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private static List<Duration> minutes(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void withTooLittleHistoryThePlannedLengthIsUsed() {
        assertThat(WaitEstimator.typicalConsultation(minutes(40, 50), PLANNED)).isEqualTo(PLANNED);
    }

    @Test
    void theTypicalConsultationIsTheMedianSoOneLongCaseDoesNotInflateIt() {
        assertThat(WaitEstimator.typicalConsultation(minutes(10, 12, 90), PLANNED))
                .isEqualTo(Duration.ofMinutes(12));
        assertThat(WaitEstimator.typicalConsultation(minutes(10, 12, 14, 90), PLANNED))
                .isEqualTo(Duration.ofMinutes(13));
    }

    @Test
    void eachWaitingPatientWaitsForThoseAheadPlusWhatIsLeftOfTheCurrentConsultation() {
        var estimates =
                WaitEstimator.estimates(3, Duration.ofMinutes(12), Optional.of(NOW.minus(Duration.ofMinutes(5))), NOW);

        assertThat(estimates).containsExactly(Duration.ofMinutes(7), Duration.ofMinutes(19), Duration.ofMinutes(31));
    }

    @Test
    void aConsultationRunningLongerThanTypicalCountsAsAboutToFinishNotAsNegativeTime() {
        var estimates =
                WaitEstimator.estimates(2, Duration.ofMinutes(12), Optional.of(NOW.minus(Duration.ofMinutes(30))), NOW);

        assertThat(estimates).containsExactly(Duration.ZERO, Duration.ofMinutes(12));
    }

    @Test
    void withNobodyInServiceTheFirstPatientIsNext() {
        assertThat(WaitEstimator.estimates(2, Duration.ofMinutes(10), Optional.empty(), NOW))
                .containsExactly(Duration.ZERO, Duration.ofMinutes(10));
        assertThat(WaitEstimator.estimates(0, Duration.ofMinutes(10), Optional.empty(), NOW))
                .isEmpty();
    }
}
